/** The amber mark for rules whose reading of the law nobody has checked yet, whatever their answer. */
export function VerifyChip() {
  return (
    <span className="obl-verify" title="This rule's reading of the law has not been verified">
      <span aria-hidden="true">⚠ </span>to be verified
    </span>
  );
}
