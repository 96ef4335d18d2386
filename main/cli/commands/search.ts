import { snippetRuns } from '../../../shared/domain/search';
import { JSON_OPTION, type Command } from '../command';
import { EXIT } from '../exit-codes';
import { printJson } from '../output';
import { withCase } from '../with-case';

export const searchCommand: Command = {
  name: 'search',
  summary:
    'Search facts, obligations, letters, people by jurisdiction, events, parties, tasks, notes and evidence',
  help: `Usage: breachdesk search FILE QUERY [--limit N] [--json]

Every word of QUERY must match (the last also as a prefix); any text is safe to type. Obligations
(as the engine computes them today), letters and people by jurisdiction are found by their title,
recipient and jurisdiction ("California", "US-CA"). Prints one result per line: kind, id, title
and a snippet with hits in [brackets].

Example:
  breachdesk search incident.bdcase "partner token"`,
  options: { limit: { type: 'string' }, ...JSON_OPTION },
  positionals: 2,
  run: ({ positionals, values }) =>
    withCase(positionals[0] ?? '', async (host) => {
      const limit = typeof values.limit === 'string' ? Number(values.limit) : 50;
      const { results } = await host.call('search.query', { text: positionals[1] ?? '', limit });
      if (values.json === true) {
        printJson(results);
        return EXIT.ok;
      }
      for (const result of results) {
        const snippet = snippetRuns(result.snippet)
          .map((run) => (run.hit ? `[${run.text}]` : run.text))
          .join('')
          .replace(/\s+/g, ' ');
        process.stdout.write(`${result.kind}\t${result.id}\t${result.title}\t${snippet}\n`);
      }
      if (results.length === 0) process.stdout.write('No matches.\n');
      return EXIT.ok;
    }),
};
