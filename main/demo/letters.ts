/** The letters the demo case holds already drafted (SCENARIO.md: notices, AG sample, Art. 33, partners). */
export const DEMO_LETTERS: readonly {
  templateId: string;
  recipient: { name: string; address: string };
  obligationRuleId: string | null;
}[] = [
  {
    templateId: 'ca-individual-notice',
    recipient: { name: 'Affected California account holders', address: '' },
    obligationRuleId: 'us-ca-individuals-until-2025',
  },
  {
    templateId: 'ca-ag-sample',
    recipient: {
      name: 'Office of the Attorney General of California',
      address: 'Sacramento, CA, United States',
    },
    obligationRuleId: 'us-ca-ag-sample-until-2025',
  },
  {
    templateId: 'gdpr-art33-authority-en',
    recipient: { name: 'Integritetsskyddsmyndigheten (IMY)', address: 'Box 8114, 104 20 Stockholm, Sweden' },
    obligationRuleId: 'gdpr-art33-lead-authority',
  },
  {
    templateId: 'partner-deletion-request',
    recipient: { name: 'Beatline Devices Ltd', address: 'London, United Kingdom' },
    obligationRuleId: null,
  },
  {
    templateId: 'partner-deletion-request',
    recipient: { name: 'AdCircle Inc.', address: 'San Francisco, CA, United States' },
    obligationRuleId: null,
  },
  {
    templateId: 'partner-deletion-request',
    recipient: { name: 'Klangwerk GmbH', address: 'Berlin, Germany' },
    obligationRuleId: null,
  },
];
