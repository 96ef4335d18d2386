/** The extension of every Breachdesk case file, for main's dialogs and the renderer's suggested names. */
export const CASE_FILE_EXTENSION = '.bdcase';
