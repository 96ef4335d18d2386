// The rule pack Breachdesk ships, one file per jurisdiction (rules/CODE.json, every rule in it
// of that jurisdiction), so each can be reviewed, cited and extended on its own, with the
// references its rules cite (references/CODE.json: key → address and what it supports). A new
// jurisdiction is a new pair of files and one line in each table below. NOTES.md says where the
// values come from and what is still open.
import meta from './pack.json' with { type: 'json' };
import rulesEu from './rules/EU.json' with { type: 'json' };
import rulesFr from './rules/FR.json' with { type: 'json' };
import rulesUsCa from './rules/US-CA.json' with { type: 'json' };
import rulesUsNy from './rules/US-NY.json' with { type: 'json' };
import rulesUsTx from './rules/US-TX.json' with { type: 'json' };
import rulesUsFl from './rules/US-FL.json' with { type: 'json' };
import rulesUsWa from './rules/US-WA.json' with { type: 'json' };
import rulesUsMa from './rules/US-MA.json' with { type: 'json' };
import rulesUsCo from './rules/US-CO.json' with { type: 'json' };
import rulesUsNj from './rules/US-NJ.json' with { type: 'json' };
import rulesUsIl from './rules/US-IL.json' with { type: 'json' };
import rulesUsAk from './rules/US-AK.json' with { type: 'json' };
import rulesUsAl from './rules/US-AL.json' with { type: 'json' };
import rulesUsAr from './rules/US-AR.json' with { type: 'json' };
import rulesUsAz from './rules/US-AZ.json' with { type: 'json' };
import rulesUsCt from './rules/US-CT.json' with { type: 'json' };
import rulesUsDc from './rules/US-DC.json' with { type: 'json' };
import rulesUsDe from './rules/US-DE.json' with { type: 'json' };
import rulesUsGa from './rules/US-GA.json' with { type: 'json' };
import rulesUsGu from './rules/US-GU.json' with { type: 'json' };
import rulesUsHi from './rules/US-HI.json' with { type: 'json' };
import rulesUsIa from './rules/US-IA.json' with { type: 'json' };
import rulesUsId from './rules/US-ID.json' with { type: 'json' };
import rulesUsIn from './rules/US-IN.json' with { type: 'json' };
import rulesUsKs from './rules/US-KS.json' with { type: 'json' };
import rulesUsKy from './rules/US-KY.json' with { type: 'json' };
import rulesUsLa from './rules/US-LA.json' with { type: 'json' };
import rulesUsMd from './rules/US-MD.json' with { type: 'json' };
import rulesUsMe from './rules/US-ME.json' with { type: 'json' };
import rulesUsMi from './rules/US-MI.json' with { type: 'json' };
import rulesUsMn from './rules/US-MN.json' with { type: 'json' };
import rulesUsMo from './rules/US-MO.json' with { type: 'json' };
import rulesUsMs from './rules/US-MS.json' with { type: 'json' };
import rulesUsMt from './rules/US-MT.json' with { type: 'json' };
import rulesUsNc from './rules/US-NC.json' with { type: 'json' };
import rulesUsNd from './rules/US-ND.json' with { type: 'json' };
import rulesUsNe from './rules/US-NE.json' with { type: 'json' };
import rulesUsNh from './rules/US-NH.json' with { type: 'json' };
import rulesUsNm from './rules/US-NM.json' with { type: 'json' };
import rulesUsNv from './rules/US-NV.json' with { type: 'json' };
import rulesUsOh from './rules/US-OH.json' with { type: 'json' };
import rulesUsOk from './rules/US-OK.json' with { type: 'json' };
import rulesUsOr from './rules/US-OR.json' with { type: 'json' };
import rulesUsPa from './rules/US-PA.json' with { type: 'json' };
import rulesUsPr from './rules/US-PR.json' with { type: 'json' };
import rulesUsRi from './rules/US-RI.json' with { type: 'json' };
import rulesUsSc from './rules/US-SC.json' with { type: 'json' };
import rulesUsSd from './rules/US-SD.json' with { type: 'json' };
import rulesUsTn from './rules/US-TN.json' with { type: 'json' };
import rulesUsUt from './rules/US-UT.json' with { type: 'json' };
import rulesUsVa from './rules/US-VA.json' with { type: 'json' };
import rulesUsVi from './rules/US-VI.json' with { type: 'json' };
import rulesUsVt from './rules/US-VT.json' with { type: 'json' };
import rulesUsWi from './rules/US-WI.json' with { type: 'json' };
import rulesUsWv from './rules/US-WV.json' with { type: 'json' };
import rulesUsWy from './rules/US-WY.json' with { type: 'json' };
import rulesUs from './rules/US.json' with { type: 'json' };
import refsUsCa from './references/US-CA.json' with { type: 'json' };
import refsUsNy from './references/US-NY.json' with { type: 'json' };
import refsUsTx from './references/US-TX.json' with { type: 'json' };
import refsUsFl from './references/US-FL.json' with { type: 'json' };
import refsUsWa from './references/US-WA.json' with { type: 'json' };
import refsUsMa from './references/US-MA.json' with { type: 'json' };
import refsUsCo from './references/US-CO.json' with { type: 'json' };
import refsUsNj from './references/US-NJ.json' with { type: 'json' };
import refsUsIl from './references/US-IL.json' with { type: 'json' };
import refsUsAk from './references/US-AK.json' with { type: 'json' };
import refsUsAl from './references/US-AL.json' with { type: 'json' };
import refsUsAr from './references/US-AR.json' with { type: 'json' };
import refsUsAz from './references/US-AZ.json' with { type: 'json' };
import refsUsCt from './references/US-CT.json' with { type: 'json' };
import refsUsDc from './references/US-DC.json' with { type: 'json' };
import refsUsDe from './references/US-DE.json' with { type: 'json' };
import refsUsGa from './references/US-GA.json' with { type: 'json' };
import refsUsGu from './references/US-GU.json' with { type: 'json' };
import refsUsHi from './references/US-HI.json' with { type: 'json' };
import refsUsIa from './references/US-IA.json' with { type: 'json' };
import refsUsId from './references/US-ID.json' with { type: 'json' };
import refsUsIn from './references/US-IN.json' with { type: 'json' };
import refsUsKs from './references/US-KS.json' with { type: 'json' };
import refsUsKy from './references/US-KY.json' with { type: 'json' };
import refsUsLa from './references/US-LA.json' with { type: 'json' };
import refsUsMd from './references/US-MD.json' with { type: 'json' };
import refsUsMe from './references/US-ME.json' with { type: 'json' };
import refsUsMi from './references/US-MI.json' with { type: 'json' };
import refsUsMn from './references/US-MN.json' with { type: 'json' };
import refsUsMo from './references/US-MO.json' with { type: 'json' };
import refsUsMs from './references/US-MS.json' with { type: 'json' };
import refsUsMt from './references/US-MT.json' with { type: 'json' };
import refsUsNc from './references/US-NC.json' with { type: 'json' };
import refsUsNd from './references/US-ND.json' with { type: 'json' };
import refsUsNe from './references/US-NE.json' with { type: 'json' };
import refsUsNh from './references/US-NH.json' with { type: 'json' };
import refsUsNm from './references/US-NM.json' with { type: 'json' };
import refsUsNv from './references/US-NV.json' with { type: 'json' };
import refsUsOh from './references/US-OH.json' with { type: 'json' };
import refsUsOk from './references/US-OK.json' with { type: 'json' };
import refsUsOr from './references/US-OR.json' with { type: 'json' };
import refsUsPa from './references/US-PA.json' with { type: 'json' };
import refsUsPr from './references/US-PR.json' with { type: 'json' };
import refsUsRi from './references/US-RI.json' with { type: 'json' };
import refsUsSc from './references/US-SC.json' with { type: 'json' };
import refsUsSd from './references/US-SD.json' with { type: 'json' };
import refsUsTn from './references/US-TN.json' with { type: 'json' };
import refsUsUt from './references/US-UT.json' with { type: 'json' };
import refsUsVa from './references/US-VA.json' with { type: 'json' };
import refsUsVi from './references/US-VI.json' with { type: 'json' };
import refsUsVt from './references/US-VT.json' with { type: 'json' };
import refsUsWi from './references/US-WI.json' with { type: 'json' };
import refsUsWv from './references/US-WV.json' with { type: 'json' };
import refsUsWy from './references/US-WY.json' with { type: 'json' };
import refsUsAs from './references/US-AS.json' with { type: 'json' };
import refsUsMp from './references/US-MP.json' with { type: 'json' };
import refsUsUm from './references/US-UM.json' with { type: 'json' };
import refsUs from './references/US.json' with { type: 'json' };
import rulesGb from './rules/GB.json' with { type: 'json' };
import rulesCh from './rules/CH.json' with { type: 'json' };
import rulesEuNis2 from './rules/EU-NIS2.json' with { type: 'json' };
import rulesEuDora from './rules/EU-DORA.json' with { type: 'json' };
import rulesUsSec from './rules/US-SEC.json' with { type: 'json' };
import rulesUsHipaa from './rules/US-HIPAA.json' with { type: 'json' };
import rulesCa from './rules/CA.json' with { type: 'json' };
import rulesCaQc from './rules/CA-QC.json' with { type: 'json' };
import rulesAu from './rules/AU.json' with { type: 'json' };
import rulesBr from './rules/BR.json' with { type: 'json' };
import rulesIn from './rules/IN.json' with { type: 'json' };
import rulesJp from './rules/JP.json' with { type: 'json' };
import rulesSg from './rules/SG.json' with { type: 'json' };
import rulesKr from './rules/KR.json' with { type: 'json' };
import refsGb from './references/GB.json' with { type: 'json' };
import refsCh from './references/CH.json' with { type: 'json' };
import refsEuNis2 from './references/EU-NIS2.json' with { type: 'json' };
import refsEuDora from './references/EU-DORA.json' with { type: 'json' };
import refsUsSec from './references/US-SEC.json' with { type: 'json' };
import refsUsHipaa from './references/US-HIPAA.json' with { type: 'json' };
import refsCa from './references/CA.json' with { type: 'json' };
import refsCaQc from './references/CA-QC.json' with { type: 'json' };
import refsAu from './references/AU.json' with { type: 'json' };
import refsBr from './references/BR.json' with { type: 'json' };
import refsIn from './references/IN.json' with { type: 'json' };
import refsJp from './references/JP.json' with { type: 'json' };
import refsSg from './references/SG.json' with { type: 'json' };
import refsKr from './references/KR.json' with { type: 'json' };

/**
 * Each jurisdiction's rules, in the order the pack lists them; a regime of its own within a
 * jurisdiction has its own file, keyed "CODE/REGIME" (EU/NIS2: rules/EU-NIS2.json).
 */
export const JURISDICTION_FILES: Readonly<Record<string, readonly unknown[]>> = {
  EU: rulesEu,
  FR: rulesFr,
  'US-CA': rulesUsCa,
  'US-NY': rulesUsNy,
  'US-TX': rulesUsTx,
  'US-FL': rulesUsFl,
  'US-WA': rulesUsWa,
  'US-MA': rulesUsMa,
  'US-CO': rulesUsCo,
  'US-NJ': rulesUsNj,
  'US-IL': rulesUsIl,
  'US-AK': rulesUsAk,
  'US-AL': rulesUsAl,
  'US-AR': rulesUsAr,
  'US-AZ': rulesUsAz,
  'US-CT': rulesUsCt,
  'US-DC': rulesUsDc,
  'US-DE': rulesUsDe,
  'US-GA': rulesUsGa,
  'US-GU': rulesUsGu,
  'US-HI': rulesUsHi,
  'US-IA': rulesUsIa,
  'US-ID': rulesUsId,
  'US-IN': rulesUsIn,
  'US-KS': rulesUsKs,
  'US-KY': rulesUsKy,
  'US-LA': rulesUsLa,
  'US-MD': rulesUsMd,
  'US-ME': rulesUsMe,
  'US-MI': rulesUsMi,
  'US-MN': rulesUsMn,
  'US-MO': rulesUsMo,
  'US-MS': rulesUsMs,
  'US-MT': rulesUsMt,
  'US-NC': rulesUsNc,
  'US-ND': rulesUsNd,
  'US-NE': rulesUsNe,
  'US-NH': rulesUsNh,
  'US-NM': rulesUsNm,
  'US-NV': rulesUsNv,
  'US-OH': rulesUsOh,
  'US-OK': rulesUsOk,
  'US-OR': rulesUsOr,
  'US-PA': rulesUsPa,
  'US-PR': rulesUsPr,
  'US-RI': rulesUsRi,
  'US-SC': rulesUsSc,
  'US-SD': rulesUsSd,
  'US-TN': rulesUsTn,
  'US-UT': rulesUsUt,
  'US-VA': rulesUsVa,
  'US-VI': rulesUsVi,
  'US-VT': rulesUsVt,
  'US-WI': rulesUsWi,
  'US-WV': rulesUsWv,
  'US-WY': rulesUsWy,
  US: rulesUs,
  GB: rulesGb,
  CH: rulesCh,
  'EU/NIS2': rulesEuNis2,
  'EU/DORA': rulesEuDora,
  'US/SEC': rulesUsSec,
  'US/HIPAA': rulesUsHipaa,
  CA: rulesCa,
  'CA-QC': rulesCaQc,
  AU: rulesAu,
  BR: rulesBr,
  IN: rulesIn,
  JP: rulesJp,
  SG: rulesSg,
  KR: rulesKr,
};

/** Each jurisdiction's references (DOMAIN.md's keys need none: they are the handbook's). */
export const REFERENCE_FILES: Readonly<Record<string, unknown>> = {
  'US-CA': refsUsCa,
  'US-NY': refsUsNy,
  'US-TX': refsUsTx,
  'US-FL': refsUsFl,
  'US-WA': refsUsWa,
  'US-MA': refsUsMa,
  'US-CO': refsUsCo,
  'US-NJ': refsUsNj,
  'US-IL': refsUsIl,
  'US-AK': refsUsAk,
  'US-AL': refsUsAl,
  'US-AR': refsUsAr,
  'US-AZ': refsUsAz,
  'US-CT': refsUsCt,
  'US-DC': refsUsDc,
  'US-DE': refsUsDe,
  'US-GA': refsUsGa,
  'US-GU': refsUsGu,
  'US-HI': refsUsHi,
  'US-IA': refsUsIa,
  'US-ID': refsUsId,
  'US-IN': refsUsIn,
  'US-KS': refsUsKs,
  'US-KY': refsUsKy,
  'US-LA': refsUsLa,
  'US-MD': refsUsMd,
  'US-ME': refsUsMe,
  'US-MI': refsUsMi,
  'US-MN': refsUsMn,
  'US-MO': refsUsMo,
  'US-MS': refsUsMs,
  'US-MT': refsUsMt,
  'US-NC': refsUsNc,
  'US-ND': refsUsNd,
  'US-NE': refsUsNe,
  'US-NH': refsUsNh,
  'US-NM': refsUsNm,
  'US-NV': refsUsNv,
  'US-OH': refsUsOh,
  'US-OK': refsUsOk,
  'US-OR': refsUsOr,
  'US-PA': refsUsPa,
  'US-PR': refsUsPr,
  'US-RI': refsUsRi,
  'US-SC': refsUsSc,
  'US-SD': refsUsSd,
  'US-TN': refsUsTn,
  'US-UT': refsUsUt,
  'US-VA': refsUsVa,
  'US-VI': refsUsVi,
  'US-VT': refsUsVt,
  'US-WI': refsUsWi,
  'US-WV': refsUsWv,
  'US-WY': refsUsWy,
  US: { ...refsUs, ...refsUsSec, ...refsUsHipaa },
  GB: refsGb,
  CH: refsCh,
  // A regime's own references join its jurisdiction's: rules cite keys by jurisdiction.
  EU: { ...refsEuNis2, ...refsEuDora },
  CA: refsCa,
  'CA-QC': refsCaQc,
  AU: refsAu,
  BR: refsBr,
  IN: refsIn,
  JP: refsJp,
  SG: refsSg,
  KR: refsKr,
};

/**
 * The references of jurisdictions the pack knows to have no breach law (pack.json's
 * `withoutBreachLaw`): they have no rules file, so they are kept apart from REFERENCE_FILES.
 */
export const WITHOUT_LAW_REFERENCE_FILES: Readonly<Record<string, unknown>> = {
  'US-AS': refsUsAs,
  'US-MP': refsUsMp,
  'US-UM': refsUsUm,
};

/** The pack as one document, before validation (default-pack.ts parses it). */
export const BREACHDESK_US_EU_PACK: unknown = {
  ...meta,
  references: { ...REFERENCE_FILES, ...WITHOUT_LAW_REFERENCE_FILES },
  rules: Object.values(JURISDICTION_FILES).flat(),
};
