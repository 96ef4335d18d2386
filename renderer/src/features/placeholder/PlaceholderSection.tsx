/** A section that is not built yet says what will be there, in one sentence. */
export function PlaceholderSection({ sentence }: { sentence: string }) {
  return (
    <div className="placeholder">
      <p>{sentence}</p>
    </div>
  );
}
