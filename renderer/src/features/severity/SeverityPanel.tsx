/** The ENISA severity calculator and the Art. 34 risk decision (being built). */
export function SeverityPanel() {
  return (
    <section className="panel" aria-labelledby="severity-heading">
      <h3 id="severity-heading" className="panel__title">
        Severity and risk
      </h3>
      <p className="empty">The severity calculator is being built.</p>
    </section>
  );
}
