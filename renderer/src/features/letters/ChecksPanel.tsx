import type { LetterCheckResult } from '../../../../shared/domain/letters';

/**
 * The letter's checks beside the draft: what the law requires (title, headings, content),
 * what it forbids, and the letter's own hygiene (unfilled merge fields, font size). Failing
 * checks are red and listed first; a passing check is a neutral ✓.
 */
export function ChecksPanel({ checks }: { checks: LetterCheckResult[] }) {
  const failing = checks.filter((check) => check.status === 'fail');
  const ordered = [...failing, ...checks.filter((check) => check.status === 'pass')];
  return (
    // Focusable: beside the draft it scrolls on its own, and the keyboard must reach it too.
    <section
      id="letter-checks"
      className="letter-checks"
      aria-labelledby="letter-checks-heading"
      tabIndex={0}
    >
      {/* h3, like the letter's title: the letter's own headings (h1–h2) come just before it. */}
      <h3 id="letter-checks-heading" className="letter-checks__title">
        Checks
      </h3>
      <p
        className={
          failing.length > 0
            ? 'letter-checks__summary letter-checks__summary--fail'
            : 'letter-checks__summary'
        }
      >
        {checks.length === 0
          ? 'No checks apply to this letter.'
          : failing.length === 0
            ? `All ${checks.length} checks pass.`
            : `${failing.length} of ${checks.length} checks fail.`}
      </p>
      <ul className="letter-checks__list" aria-label="Checks">
        {ordered.map((check) => (
          <li
            key={check.id}
            className={check.status === 'fail' ? 'letter-check letter-check--fail' : 'letter-check'}
            aria-label={`${check.status === 'fail' ? 'Fails' : 'Passes'}: ${check.title}`}
          >
            <span className="letter-check__mark" aria-hidden="true">
              {check.status === 'fail' ? '✕' : '✓'}
            </span>
            <div className="letter-check__body">
              <p className="letter-check__title">{check.title}</p>
              {check.citation !== '' && <p className="letter-check__citation">{check.citation}</p>}
              {check.detail !== '' && <p className="letter-check__detail">{check.detail}</p>}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
