/**
 * Realistic, deterministic AI system documents for the registry benchmark: names, purposes and
 * descriptions from word lists in the six UN languages (a Chinese name is written without spaces,
 * so search sees its bigrams), ~4,000 brand names with a Zipf-like spread (a brand is a "rare
 * word"), 40 system profiles (8 purposes × 5 deployment footprints) shared by many systems, and
 * providers with a Zipf-like share of the register.
 */
import type { StakeholderType, SystemDocument, SystemProfile } from "../../packages/core/src/index.js";
import { rng } from "../lib/common.js";

/** Index in 0..n-1 with weight 1/(k+1)^s: a few large, many small. */
function zipf(n: number, s: number): (r: number) => number {
  const cumulative: number[] = [];
  let sum = 0;
  for (let k = 0; k < n; k++) {
    sum += 1 / (k + 1) ** s;
    cumulative.push(sum);
  }
  return (r) => {
    const x = r * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const pick = <T>(xs: readonly T[], r: number): T => xs[Math.floor(r * xs.length) % xs.length]!;

type Lang = "en" | "fr" | "es" | "ru" | "zh" | "ar";

interface Words {
  adjectives: string[];
  nouns: string[];
  purposes: string[];
  sentences: string[];
}

const WORDS: Record<Lang, Words> = {
  en: {
    adjectives: [
      "Smart",
      "Adaptive",
      "Secure",
      "Open",
      "Rapid",
      "Clear",
      "Fair",
      "Deep",
      "Trusted",
      "Unified",
      "Precise",
      "Civic",
    ],
    nouns: [
      "Assistant",
      "Screener",
      "Ranker",
      "Advisor",
      "Scorer",
      "Detector",
      "Translator",
      "Planner",
      "Monitor",
      "Navigator",
      "Reviewer",
      "Copilot",
    ],
    purposes: [
      "Ranks job applications for recruiters, who make the final decision.",
      "Scores credit applications and explains the main factors to loan officers.",
      "Answers citizens' questions about public services in plain language.",
      "Flags suspicious transactions for review by compliance analysts.",
      "Recommends learning resources to students based on their progress.",
      "Triages patient messages and suggests an urgency level to nurses.",
      "Summarizes news articles and suggests headlines to editors.",
      "Verifies identity documents against a selfie during onboarding.",
    ],
    sentences: [
      "The model is a gradient-boosted ensemble trained on historical records.",
      "A transformer decoder fine-tuned on curated domain text generates the answers.",
      "Human reviewers see every output with the reasons behind it before it is used.",
      "Performance is monitored monthly across age, gender and region.",
      "Personal data is pseudonymized before training and deleted after twelve months.",
      "The system runs in the provider's cloud region and logs every decision.",
      "Known limitations include lower accuracy on rare dialects and scanned documents.",
      "Operators can override any recommendation and the override is recorded.",
    ],
  },
  fr: {
    adjectives: [
      "Intelligent",
      "Adaptatif",
      "Sécurisé",
      "Ouvert",
      "Rapide",
      "Clair",
      "Équitable",
      "Fiable",
      "Unifié",
      "Précis",
    ],
    nouns: [
      "Assistant",
      "Évaluateur",
      "Classeur",
      "Conseiller",
      "Détecteur",
      "Traducteur",
      "Planificateur",
      "Moniteur",
      "Navigateur",
      "Copilote",
    ],
    purposes: [
      "Classe les candidatures pour les recruteurs, qui prennent la décision finale.",
      "Évalue les demandes de crédit et explique les principaux facteurs aux conseillers.",
      "Répond aux questions des citoyens sur les services publics.",
      "Signale les transactions suspectes aux analystes de conformité.",
      "Recommande des ressources pédagogiques aux élèves selon leurs progrès.",
    ],
    sentences: [
      "Le modèle est un ensemble d'arbres de décision entraîné sur des données historiques.",
      "Des évaluateurs humains vérifient chaque résultat avant son utilisation.",
      "Les performances sont suivies chaque mois par âge, genre et région.",
      "Les données personnelles sont pseudonymisées avant l'entraînement.",
      "Le système fonctionne dans un centre de données situé dans l'Union européenne.",
    ],
  },
  es: {
    adjectives: [
      "Inteligente",
      "Adaptativo",
      "Seguro",
      "Abierto",
      "Rápido",
      "Claro",
      "Justo",
      "Confiable",
      "Unificado",
      "Preciso",
    ],
    nouns: [
      "Asistente",
      "Evaluador",
      "Clasificador",
      "Asesor",
      "Detector",
      "Traductor",
      "Planificador",
      "Monitor",
      "Navegador",
      "Copiloto",
    ],
    purposes: [
      "Clasifica las solicitudes de empleo para los reclutadores, que toman la decisión final.",
      "Evalúa solicitudes de crédito y explica los factores principales a los analistas.",
      "Responde preguntas de los ciudadanos sobre servicios públicos.",
      "Señala transacciones sospechosas para revisión de cumplimiento.",
      "Recomienda recursos de aprendizaje a los estudiantes según su progreso.",
    ],
    sentences: [
      "El modelo es un conjunto de árboles entrenado con registros históricos.",
      "Revisores humanos ven cada resultado con sus motivos antes de usarlo.",
      "El rendimiento se supervisa mensualmente por edad, género y región.",
      "Los datos personales se seudonimizan antes del entrenamiento.",
      "El sistema registra cada decisión y permite su revisión posterior.",
    ],
  },
  ru: {
    adjectives: ["Умный", "Адаптивный", "Безопасный", "Открытый", "Быстрый", "Точный", "Надёжный", "Единый"],
    nouns: ["Ассистент", "Оценщик", "Классификатор", "Советник", "Детектор", "Переводчик", "Планировщик", "Монитор"],
    purposes: [
      "Ранжирует заявки на работу для рекрутеров, которые принимают окончательное решение.",
      "Оценивает кредитные заявки и объясняет основные факторы сотрудникам банка.",
      "Отвечает на вопросы граждан о государственных услугах.",
      "Выявляет подозрительные операции для проверки аналитиками.",
    ],
    sentences: [
      "Модель обучена на исторических данных и ежемесячно проверяется.",
      "Каждый результат проверяет человек перед использованием.",
      "Персональные данные псевдонимизируются перед обучением.",
      "Система хранит журнал всех решений.",
    ],
  },
  zh: {
    adjectives: ["智能", "自适应", "安全", "开放", "快速", "精准", "可信", "统一"],
    nouns: ["招聘助手", "信用评分", "客服助手", "风险检测", "翻译引擎", "学习推荐", "医疗分诊", "新闻摘要"],
    purposes: [
      "为招聘人员对求职申请进行排序，由招聘人员做出最终决定。",
      "对信贷申请进行评分，并向信贷员解释主要因素。",
      "用通俗语言回答市民关于公共服务的问题。",
      "标记可疑交易，供合规分析人员审查。",
      "根据学生的学习进度推荐学习资源。",
    ],
    sentences: [
      "该模型基于历史数据训练，并每月进行评估。",
      "每个输出在使用前都由人工审核。",
      "个人数据在训练前经过去标识化处理。",
      "系统记录每一项决定，便于事后审查。",
    ],
  },
  ar: {
    adjectives: ["الذكي", "التكيفي", "الآمن", "المفتوح", "السريع", "الدقيق", "الموثوق", "الموحد"],
    nouns: ["مساعد", "مقيّم", "مصنف", "مستشار", "كاشف", "مترجم", "مخطط", "مراقب"],
    purposes: [
      "يرتب طلبات التوظيف لمسؤولي التوظيف الذين يتخذون القرار النهائي.",
      "يقيّم طلبات الائتمان ويشرح العوامل الرئيسية لموظفي القروض.",
      "يجيب عن أسئلة المواطنين حول الخدمات العامة.",
      "يحدد المعاملات المشبوهة لمراجعتها من قبل محللي الامتثال.",
    ],
    sentences: [
      "تم تدريب النموذج على سجلات تاريخية ويُقيَّم شهرياً.",
      "يراجع موظف بشري كل نتيجة قبل استخدامها.",
      "تُعالَج البيانات الشخصية بإخفاء الهوية قبل التدريب.",
      "يسجل النظام كل قرار لمراجعته لاحقاً.",
    ],
  },
};

const LANGS: { lang: Lang; weight: number }[] = [
  { lang: "en", weight: 0.4 },
  { lang: "fr", weight: 0.12 },
  { lang: "es", weight: 0.12 },
  { lang: "ru", weight: 0.1 },
  { lang: "zh", weight: 0.14 },
  { lang: "ar", weight: 0.12 },
];

function language(r: number): Lang {
  let x = r;
  for (const l of LANGS) {
    if (x < l.weight) return l.lang;
    x -= l.weight;
  }
  return "en";
}

/** Pronounceable brand names: each is a rare word of the register. */
const SYLLABLES = [
  "zor",
  "vex",
  "ka",
  "li",
  "mo",
  "tra",
  "nex",
  "qui",
  "dal",
  "ber",
  "sy",
  "lon",
  "fi",
  "ra",
  "gu",
  "pex",
];
export const BRANDS: string[] = (() => {
  const out = new Set<string>();
  const r = rng(7);
  while (out.size < 4000) {
    const n = 2 + Math.floor(r() * 2);
    let b = "";
    for (let i = 0; i < n; i++) b += pick(SYLLABLES, r());
    out.add(b[0]!.toUpperCase() + b.slice(1));
  }
  return [...out];
})();
const brandOf = zipf(BRANDS.length, 0.6);

/** Purposes with the functions and facts that go with them. */
const PURPOSE_FACTS: { purpose: SystemProfile["purposes"]; facts: Partial<SystemProfile> }[] = [
  {
    purpose: ["employment"],
    facts: { functions: ["profiling", "automated-decision"], contexts: ["workplace"], consequentialDecision: true },
  },
  { purpose: ["credit"], facts: { functions: ["automated-decision", "profiling"], consequentialDecision: true } },
  {
    purpose: ["education"],
    facts: { functions: ["recommendation"], contexts: ["education-institution"], consequentialDecision: false },
  },
  { purpose: ["health-care"], facts: { functions: ["automated-decision"], consequentialDecision: true } },
  { purpose: ["biometrics"], facts: { functions: ["biometric-verification"], consequentialDecision: false } },
  {
    purpose: ["general"],
    facts: {
      functions: ["content-generation", "chatbot"],
      generative: { modalities: ["text"], deepfakes: false, publicInterestText: false },
      consequentialDecision: false,
    },
  },
  {
    purpose: ["news-information"],
    facts: {
      functions: ["recommendation", "content-generation"],
      generative: { modalities: ["text", "image"], deepfakes: false, publicInterestText: true },
    },
  },
  { purpose: ["essential-government-services", "public-benefits"], facts: { functions: ["chatbot"] } },
];

const FOOTPRINTS: string[][] = [
  ["DE", "FR", "NL"],
  ["US-CO", "US-NY-NYC", "US-CA"],
  ["CN"],
  ["KR", "JP"],
  ["DE", "US-CA", "CN", "KR", "JP", "GB", "BR", "IN"],
];

/** Every fact stated (as a filled-in questionnaire has them), so instruments "apply" rather than "may apply". */
const KNOWN: Partial<SystemProfile> = {
  contexts: [],
  interactsWithPeople: true,
  publicOpinionAttributes: false,
  socialMobilization: false,
  consequentialDecision: false,
  generative: { modalities: [], deepfakes: false, publicInterestText: false },
  safetyComponent: { annexIProduct: false, thirdPartyConformityAssessment: false },
  derogation: {
    narrowProceduralTask: false,
    improvesHumanActivity: false,
    detectsPatternsWithoutReplacingReview: false,
    preparatoryTask: false,
  },
  gpai: {
    isGeneralPurposeModel: false,
    trainingComputeFlop: 1e21,
    openWeights: false,
    users: 20_000,
    designatedSystemicRisk: false,
  },
  exclusions: { militaryDefenceNationalSecurity: false, scientificResearchOnly: false, personalNonProfessional: false },
};

/**
 * The 40 profiles: every purpose × every footprint. The global footprint leaves the EU AI Act's
 * Art. 6(3) answers out (a questionnaire filled in half-way), so some instruments only "may apply".
 */
export const PROFILES: SystemProfile[] = PURPOSE_FACTS.flatMap(({ purpose, facts }, p) =>
  FOOTPRINTS.map((places, f) => {
    const profile: SystemProfile = {
      profileVersion: "1" as const,
      roles: f === 4 ? ["provider", "deployer"] : ["provider"],
      places: {
        establishment: [places[0]!],
        placedOnMarket: places,
        putIntoService: places,
        used: places,
        outputsUsed: places,
      },
      purposes: purpose,
      ...KNOWN,
      publicFacing: p >= 5,
      ...facts,
      organization: { employees: 50 + 400 * f, annualRevenueUsd: 5_000_000 * (f + 1) },
    };
    if (f === 4) delete profile.derogation;
    return profile;
  }),
);
/** Hiring, credit and chatbots are more common than biometrics. */
const profileOf = zipf(PROFILES.length, 0.5);

export interface Provider {
  name: string;
  type: StakeholderType;
  countryCode: string;
}

const ORG_SUFFIXES: Record<Lang, string[]> = {
  en: ["Technologies", "Labs", "Systems", "Analytics", "AI"],
  fr: ["Technologies SAS", "Intelligence SA"],
  es: ["Tecnologías S.L.", "Sistemas S.A."],
  ru: ["Технологии", "Нейросети"],
  zh: ["科技有限公司", "智能科技"],
  ar: ["للتقنية", "للذكاء الاصطناعي"],
};
const COUNTRY: Record<Lang, string[]> = {
  en: ["US", "GB", "IN", "CA", "KE"],
  fr: ["FR", "SN", "CA"],
  es: ["ES", "MX", "AR"],
  ru: ["RU", "KZ"],
  zh: ["CN"],
  ar: ["AE", "EG", "SA"],
};

/** `n` provider organizations, names in the six languages. */
export function providers(n: number): Provider[] {
  const r = rng(11);
  const types: StakeholderType[] = [
    "industry",
    "industry",
    "industry",
    "academia",
    "government_agency",
    "civil_society",
  ];
  return Array.from({ length: n }, (_, i) => {
    const lang = language(r());
    return {
      name: `${pick(BRANDS, r())} ${pick(ORG_SUFFIXES[lang], r())} ${i}`,
      type: pick(types, r()),
      countryCode: pick(COUNTRY[lang], r()),
    };
  });
}
/** Which provider registers the i-th system (Zipf: a few large providers). */
export const providerOf = (count: number) => {
  const z = zipf(count, 0.8);
  return (r: number) => z(r);
};

export interface Generated {
  document: SystemDocument;
  profileIndex: number;
  provider: number;
}

/** The i-th system of the benchmark register (deterministic). */
export function makeSystem(i: number, providerCount: number, pickProvider = providerOf(providerCount)): Generated {
  const r = rng(1_000_003 * (i + 1));
  const lang = language(r());
  const w = WORDS[lang];
  const brand = BRANDS[brandOf(r())]!;
  const adjective = pick(w.adjectives, r());
  const noun = pick(w.nouns, r());
  const name =
    lang === "zh"
      ? `${brand} ${adjective}${noun}`
      : lang === "ar"
        ? `${noun} ${brand} ${adjective}`
        : lang === "fr" || lang === "es"
          ? `${brand} ${noun} ${adjective}`
          : `${brand} ${adjective} ${noun}`;
  const profileIndex = profileOf(r());
  const profile = PROFILES[profileIndex]!;
  const sentences = [pick(w.sentences, r()), pick(w.sentences, r()), pick(w.sentences, r())];
  const translations: SystemDocument["translations"] = {};
  if (lang !== "en" && r() < 0.3) {
    translations.en = { name: `${brand} ${pick(WORDS.en.adjectives, r())} ${pick(WORDS.en.nouns, r())}` };
    translations.en.intendedPurpose = pick(WORDS.en.purposes, r());
  }
  if (lang !== "zh" && r() < 0.1) translations.zh = { name: `${brand} ${pick(WORDS.zh.nouns, r())}` };
  const hidden = r();
  const places = profile.places?.used ?? [];
  const document: SystemDocument = {
    kind: r() < 0.05 ? "gpai-model" : "system",
    name,
    versionLabel: `${1 + Math.floor(r() * 4)}.${Math.floor(r() * 10)}.${Math.floor(r() * 20)}`,
    intendedPurpose: pick(w.purposes, r()),
    description: sentences.join(" "),
    ...(Object.keys(translations).length ? { translations } : {}),
    profile,
    modelCard: {
      approach: pick(["supervised", "transformer decoder", "gradient boosting", "retrieval-augmented"], r()),
      task: pick(["ranking", "classification", "generation", "extraction"], r()),
      metrics: [{ name: pick(["AUC", "F1", "NDCG@10", "accuracy"], r()), value: (0.6 + r() * 0.39).toFixed(2) }],
    },
    datasets: [{ name: `${brand} training data ${2019 + Math.floor(r() * 6)}`, containsPersonalData: r() < 0.6 }],
    deploymentCountries: places.filter((p) => /^[A-Z]{2}$/.test(p)),
    contact: { name: "Compliance desk", email: `compliance-${i % 997}@provider.example` },
    links: [{ label: "Documentation", url: `https://docs.provider.example/${brand.toLowerCase()}` }],
    visibility: {
      description: hidden < 0.05 ? "members" : "public",
      profile: hidden > 0.97 ? "members" : "public",
      modelCard: "public",
      datasets: "members",
      deployment: "public",
      contact: "members",
      links: "public",
    },
  };
  return { document, profileIndex, provider: pickProvider(r()) };
}

/** Words the search mix uses, with how the generator uses them. */
export const QUERY_WORDS = {
  /** In every English "… Assistant" name and French/Spanish equivalents: a common word. */
  common: "assistant",
  /** A brand from the tail of the Zipf spread: a few hundred systems per million. */
  rare: BRANDS[1500]!.toLowerCase(),
  /** "招聘" (recruitment) inside Chinese names: a bigram of 招聘助手. */
  chinese: "招聘",
  /** With a jurisdiction: an English word of the hiring purposes. */
  withJurisdiction: "recruiters",
};
