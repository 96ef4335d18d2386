import { PARTY_ACTION_LABELS, PARTY_KIND_LABELS, type Party } from '../../../../shared/domain/parties';
import { markup, type SafeHtml } from '../../../formats/html/html-template';
import { EMPTY, emptyState, lines, muted, section } from './blocks';
import type { BundleIndexModel } from './model';
import { table } from './table';
import { zonedText } from './text';
import { plural } from '../../../../shared/text/plural';

// The index page's Recipients and parties, with what was done with each.

function partyContact(party: Party): SafeHtml {
  return lines(
    [party.contactName, party.email, party.phone, party.address]
      .filter((v) => v.trim() !== '')
      .map((v) => markup`<span class="prose">${v}</span>`),
  );
}

function partyActions(party: Party): SafeHtml {
  if (party.actions.length === 0) return muted('None recorded');
  const items = party.actions.map((a) => {
    const note = a.note === '' ? EMPTY : muted(a.note);
    return markup`<li>${lines([markup`<strong>${PARTY_ACTION_LABELS[a.kind]}</strong> · ${zonedText(a.at)}`, note])}</li>`;
  });
  return markup`<ul class="plain">${items}</ul>`;
}

export function partiesSection(model: BundleIndexModel): SafeHtml {
  const body =
    model.parties.length === 0
      ? emptyState('No recipients or other parties recorded.')
      : table({
          caption: plural(model.parties.length, 'party', 'parties'),
          columns: [
            { heading: 'Party' },
            { heading: 'Kind' },
            { heading: 'Role in this incident' },
            { heading: 'Contact' },
            { heading: 'Actions' },
          ],
          rows: model.parties.map((p) => [
            lines([markup`<strong>${p.name}</strong>`, p.notes === '' ? EMPTY : muted(p.notes)]),
            markup`${PARTY_KIND_LABELS[p.kind]}`,
            markup`<span class="prose">${p.role}</span>`,
            partyContact(p),
            partyActions(p),
          ]),
        });
  return section({ id: 'parties', heading: 'Recipients and parties', body });
}
