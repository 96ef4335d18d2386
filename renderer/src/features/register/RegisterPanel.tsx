/** The GDPR Art. 33(5) breach register (being built). */
export function RegisterPanel() {
  return (
    <section className="panel" aria-labelledby="register-heading">
      <h3 id="register-heading" className="panel__title">
        Breach register
      </h3>
      <p className="empty">The breach register is being built.</p>
    </section>
  );
}
