/** A "to be verified" mark: amber ⚠ with the words for assistive technology. */
export function VerifyMark() {
  return (
    <span className="sev-verify" title="Paraphrased from background: to be verified against ENISA 2013">
      <span aria-hidden="true"> ⚠</span>
      <span className="offscreen"> (to be verified)</span>
    </span>
  );
}
