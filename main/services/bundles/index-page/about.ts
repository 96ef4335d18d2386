import { markup, type SafeHtml } from '../../../formats/html/html-template';
import { definitions, section } from './blocks';
import type { BundleIndexModel, BundleInfo } from './model';
import { utcText } from './text';
import { plural } from '../../../../shared/text/plural';

// The index page's About this bundle: what the exporter recorded, and how to verify the bag.

export function verificationText(info: BundleInfo): SafeHtml {
  return markup`Every file is listed with its SHA-256 in <code>manifest-sha256.txt</code>; the tag manifest is signed (<code>tagmanifest-sha256.txt.sig</code>, Ed25519, key fingerprint <code class="hash">${info.signerFingerprint}</code>); check the bag with any BagIt validator, e.g. <code>bagit.py --validate</code>.`;
}

export function aboutSection(model: BundleIndexModel): SafeHtml {
  const info = model.bundle;
  const audit = markup`${plural(info.auditEntries, 'entry', 'entries')} in <code>audit-log.jsonl</code>; head <code class="hash">${info.auditHead}</code>`;
  const facts = definitions([
    ['Bundle id', markup`<code>${info.bundleId}</code>`],
    ['Exported', `${utcText(info.exportedAt)} by ${info.exportedBy}`],
    ['Software', info.software],
    ['Signing key fingerprint', markup`<code class="hash">${info.signerFingerprint}</code>`],
    ['Audit log', audit],
    ['Evidence bytes', info.includesEvidence ? 'Included (evidence/)' : 'Not included'],
    ['Privileged notes', info.includesPrivilegedNotes ? 'Included' : 'Left out'],
  ]);
  const how = markup`<h3>How to verify this bundle</h3><p>${verificationText(info)}</p><p>The case itself is in <code>case.json</code> (every record, readable by any tool) and in the case snapshot beside it; this page summarises them.</p>`;
  return section({ id: 'about', heading: 'About this bundle', body: markup`${facts}${how}` });
}
