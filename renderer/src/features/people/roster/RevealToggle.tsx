/**
 * "Show values" as a toggle button (pressed while the values are shown): one name whatever its
 * state, so the control is found the same way before and after.
 */
export function RevealToggle({
  revealed,
  onToggle,
  of,
}: {
  revealed: boolean;
  onToggle: () => void;
  /** What the values belong to, for the accessible name: "Show values of pair 3". */
  of: string;
}) {
  return (
    <button
      type="button"
      className="btn btn--quiet btn--small roster-reveal"
      aria-pressed={revealed}
      aria-label={`Show values of ${of}`}
      onClick={onToggle}
    >
      Show values
    </button>
  );
}
