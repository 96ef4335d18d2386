// Stands in for nodemailer's URL fetcher in the bundles: Breachdesk builds messages from text it
// holds and never fetches a URL, so the only code in MailComposer that could open a connection
// is left out (scripts/build-node.mjs). Reaching it is a bug: it says so instead of connecting.
export default function noFetch() {
  throw new Error('Breachdesk never fetches content for an e-mail over the network.');
}
