import type { Evaluation, GapAnalysis, InstrumentResult } from "../obligationTypes";

/** Small API answers for the unit tests (shaped like the server's). */
const aiAct: InstrumentResult = {
  instrumentId: "eu-ai-act",
  version: "2026-01-01",
  shortTitle: "EU AI Act",
  jurisdiction: "EU",
  kind: "regulation",
  binding: true,
  status: "applies",
  repealedOn: null,
  scopeTrace: [{ fact: "places.used", test: "within EU", value: ["DE"], result: "true" }],
  category: { id: "high-risk", label: "High-risk AI system", rank: 3 },
  possibleCategories: [],
  obligations: [
    {
      requirementId: "art-26-1",
      ref: "Art. 26(1)",
      title: 'Use in accordance with the instructions, "as intended"',
      addressees: ["deployer"],
      status: "applies",
      appliesFrom: "2026-08-02",
      inEffect: true,
      trace: [
        { fact: "roles", test: "includes any of deployer", value: ["deployer"], result: "true" },
        { fact: "purposes", test: "includes employment", value: ["employment"], result: "true" },
      ],
    },
    {
      requirementId: "art-50-3",
      ref: "Art. 50(3)",
      title: "Inform people exposed to emotion recognition",
      addressees: ["deployer"],
      status: "may-apply",
      appliesFrom: "2026-08-02",
      inEffect: true,
      trace: [{ fact: "functions", test: "includes emotion-recognition", result: "unknown" }],
    },
    {
      requirementId: "art-16",
      ref: "Art. 16",
      title: "Obligations of providers",
      addressees: ["provider"],
      status: "does-not-apply",
      appliesFrom: "2026-08-02",
      inEffect: true,
      trace: [{ fact: "roles", test: "includes any of provider", value: ["deployer"], result: "false" }],
    },
  ],
  counts: { applies: 1, mayApply: 1, doesNotApply: 1, stateDuties: 0 },
};

const nist: InstrumentResult = {
  instrumentId: "nist-ai-rmf",
  version: "1.0",
  shortTitle: "NIST AI RMF",
  jurisdiction: "US",
  kind: "voluntary-framework",
  binding: false,
  status: "applies",
  repealedOn: null,
  scopeTrace: [],
  category: null,
  possibleCategories: [],
  obligations: [
    {
      requirementId: "govern-1",
      ref: "GOVERN 1",
      title: "Policies, processes and practices",
      addressees: ["ai-actor"],
      status: "applies",
      appliesFrom: null,
      inEffect: false,
      trace: [],
    },
  ],
  counts: { applies: 1, mayApply: 0, doesNotApply: 0, stateDuties: 0 },
};

const colorado: InstrumentResult = {
  instrumentId: "us-co-sb24-205",
  version: "2025-01-01",
  shortTitle: "Colorado AI Act",
  jurisdiction: "US-CO",
  kind: "binding-law",
  binding: true,
  status: "does-not-apply",
  repealedOn: null,
  scopeTrace: [{ fact: "places.used", test: "within US-CO", value: ["DE"], result: "false" }],
  category: null,
  possibleCategories: [{ id: "high-risk", label: "High-risk AI system", rank: 2 }],
  obligations: [],
  counts: { applies: 0, mayApply: 0, doesNotApply: 4, stateDuties: 0 },
};

export const evaluation: Evaluation = {
  asOf: "2026-09-01",
  jurisdictions: [
    { jurisdiction: "EU", instruments: [aiAct] },
    { jurisdiction: "US", instruments: [nist] },
    { jurisdiction: "US-CO", instruments: [colorado] },
  ],
};

const ref = (instrumentId: string, requirementId: string, reqRef: string) => ({
  instrumentId,
  shortTitle: instrumentId.toUpperCase(),
  jurisdiction: "INT",
  requirementId,
  ref: reqRef,
  title: `Title of ${reqRef}`,
});

export const gap: GapAnalysis = {
  covering: "iso-42001",
  target: "eu-ai-act",
  maxHops: 3,
  summary: { full: 1, partial: 1, none: 1, total: 3 },
  items: [
    {
      requirementId: "art-9",
      ref: "Art. 9",
      title: "Risk management system",
      coverage: "full",
      via: [
        {
          from: ref("iso-42001", "6-1", "6.1"),
          relation: "superset-of",
          strength: 8,
          hops: 1,
          path: ["iso-42001:6-1"],
        },
      ],
    },
    {
      requirementId: "art-10",
      ref: "Art. 10",
      title: "Data, and data governance",
      coverage: "partial",
      derived: "from-children",
      via: [],
    },
    { requirementId: "art-5", ref: "Art. 5", title: "Prohibited practices", coverage: "none", via: [] },
  ],
};
