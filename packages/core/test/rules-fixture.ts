import type { Crosswalk, Instrument } from "../src/rules/types.js";

/**
 * Fictional instruments for tests of the engine, the crosswalks and the API. They stand for no
 * real law ("XA" and "XB" are user-assigned ISO 3166 codes); real instruments live in data/.
 */
export function modelAct(version = "1"): Instrument {
  return {
    id: "test-model-act",
    version,
    shortTitle: "Model Act",
    titles: {
      en: "Model Act on Artificial Intelligence (test fixture)",
      official: { lang: "zh", text: "人工智能示范法" },
    },
    jurisdiction: "XA",
    issuingBody: "Test Legislature",
    kind: "binding-law",
    status: "in-force",
    dates: { adopted: "2024-01-10", entryIntoForce: "2024-02-01" },
    applicationDates: [
      { id: "general", label: "General application", date: "2025-01-01", basis: "Art. 9" },
      {
        id: "high-risk",
        label: "High-risk duties",
        date: "2026-06-01",
        basis: "Art. 9(2)",
        changes: [{ date: "2025-06-01", by: "Amending Act 1", status: "replaced", note: "postponed" }],
      },
    ],
    scope: {
      any: [
        { fact: "places.placedOnMarket", inJurisdiction: "XA" },
        { fact: "places.used", inJurisdiction: "XA" },
      ],
    },
    categories: [
      { id: "prohibited", label: "Prohibited", rank: 3 },
      { id: "high-risk", label: "High risk", rank: 2 },
      { id: "minimal", label: "Minimal", rank: 0 },
    ],
    defaultCategory: "minimal",
    sources: [{ label: "Test source", url: "https://example.org/model-act" }],
    lastReviewed: "2026-11-26",
    summary: "A fictional act used to test the obligation engine.",
    requirements: [
      {
        id: "art-1",
        ref: "Art. 1",
        title: "Social scoring ban",
        summary: "Social scoring is banned.",
        category: "prohibited",
        applicability: { fact: "functions", includes: "social-scoring" },
        appliesFrom: "general",
        children: [
          {
            id: "art-1-1",
            ref: "Art. 1(1)",
            title: "Providers shall not place social scoring systems",
            summary: "Providers must not offer such systems.",
            addressees: ["provider"],
            evidence: ["Product inventory"],
          },
        ],
      },
      {
        id: "art-2",
        ref: "Art. 2",
        title: "High-risk systems in employment",
        summary: "Employment systems are high-risk unless they only prepare a decision.",
        category: "high-risk",
        appliesFrom: "high-risk",
        applicability: {
          all: [
            { fact: "purposes", includes: "employment" },
            { not: { fact: "derogation.preparatoryTask", is: true } },
          ],
        },
        children: [
          {
            id: "art-2-1",
            ref: "Art. 2(1)",
            title: "Risk management",
            summary: "Providers run a risk management process.",
            addressees: ["provider"],
          },
          {
            id: "art-2-2",
            ref: "Art. 2(2)",
            title: "Human oversight by deployers",
            summary: "Deployers assign human oversight.",
            addressees: ["deployer"],
          },
        ],
      },
      {
        id: "art-3",
        ref: "Art. 3",
        title: "Chatbot disclosure",
        summary: "People are told they talk to a machine.",
        addressees: ["provider"],
        applicability: { fact: "interactsWithPeople", is: true },
        verify: true,
        note: "test of the verify flag",
      },
      {
        id: "art-4",
        ref: "Art. 4",
        title: "State supervision",
        summary: "The state designates a supervisor.",
        addressees: ["state"],
      },
      {
        id: "art-5",
        ref: "Art. 5",
        title: "Large models",
        summary: "Large models report their compute.",
        addressees: ["provider"],
        applicability: { fact: "gpai.trainingComputeFlop", gte: 1e25 },
      },
    ],
  };
}

export function modelCode(): Instrument {
  return {
    id: "test-model-code",
    version: "1",
    shortTitle: "Model Code",
    titles: { en: "Model Code of Practice (test fixture)" },
    jurisdiction: "INT",
    issuingBody: "Test Forum",
    kind: "voluntary-framework",
    status: "in-force",
    dates: { adopted: "2023-05-01" },
    applicationDates: [],
    defaultCategory: "guidance",
    categories: [{ id: "guidance", label: "Voluntary guidance", rank: 0 }],
    sources: [{ label: "Test source", url: "https://example.org/model-code" }],
    lastReviewed: "2026-11-26",
    summary: "A fictional voluntary code.",
    requirements: [
      {
        id: "c-1",
        ref: "Action 1",
        title: "Manage risks",
        summary: "Manage risks across the lifecycle.",
        addressees: ["ai-actor"],
      },
      { id: "c-2", ref: "Action 2", title: "Oversee", summary: "Keep humans in the loop.", addressees: ["ai-actor"] },
      { id: "c-3", ref: "Action 3", title: "Disclose", summary: "Tell people about AI use.", addressees: ["ai-actor"] },
    ],
  };
}

export function modelStandard(): Instrument {
  return {
    ...modelCode(),
    id: "test-model-standard",
    shortTitle: "Model Standard",
    titles: { en: "Model Management Standard (test fixture)" },
    kind: "voluntary-standard",
    requirements: [
      {
        id: "s-6",
        ref: "Clause 6",
        title: "Risk process",
        summary: "Operate a risk process.",
        addressees: ["ai-actor"],
      },
      { id: "s-8", ref: "Clause 8", title: "Oversight", summary: "Define oversight.", addressees: ["ai-actor"] },
    ],
  };
}

export function modelCrosswalks(): Crosswalk[] {
  return [
    {
      id: "test-model-act--test-model-code",
      source: "test-model-act",
      target: "test-model-code",
      title: "Model Act to Model Code",
      method: "test",
      lastReviewed: "2026-11-26",
      mappings: [
        {
          source: "art-2-1",
          target: "c-1",
          relation: "subset-of",
          strength: 8,
          rationale: "risk management is part of lifecycle risk work",
        },
        { source: "art-2-2", target: "c-2", relation: "equal", strength: 9, rationale: "both ask for human oversight" },
        {
          source: "art-3",
          target: "c-3",
          relation: "intersects-with",
          strength: 5,
          rationale: "overlapping disclosure",
        },
      ],
    },
    {
      id: "test-model-code--test-model-standard",
      source: "test-model-code",
      target: "test-model-standard",
      title: "Model Code to Model Standard",
      method: "test",
      lastReviewed: "2026-11-26",
      mappings: [
        { source: "c-1", target: "s-6", relation: "equal", strength: 7, rationale: "same risk process" },
        { source: "c-2", target: "s-8", relation: "superset-of", strength: 6, rationale: "the code asks more" },
      ],
    },
  ];
}
