/**
 * Word lists for the store benchmark's GPTs: per category, topics and roles that combine into
 * names ("Python Code Reviewer", "Spanish Tutor Pro"), so many listings share words (search has to
 * rank, not just find) and typo queries have real near-misses.
 */
/** Compact word lists: "a|b|c" keeps multi-word entries ("cover letter") whole. */
const list = (words: string): string[] => words.split("|");

export type CategoryWords = { topics: string[]; roles: string[] };

export const WORDS_BY_CATEGORY: Record<string, CategoryWords> = {
  writing: {
    topics: list(
      "essay|blog|story|poem|copywriting|resume|cover letter|email|screenplay|speech|grant|newsletter|novel|headline|wedding toast",
    ),
    roles: list("writer|editor|coach|helper|proofreader|ghostwriter|polisher"),
  },
  productivity: {
    topics: list(
      "meeting|inbox|task|calendar|project|note|habit|focus|spreadsheet|slide deck|okr|standup|invoice|checklist",
    ),
    roles: list("planner|assistant|organiser|summariser|tracker|manager"),
  },
  research: {
    topics: list(
      "paper|market|data|legal|patent|statistics|literature|survey|finance|climate|competitor|citation|pubmed|earnings call",
    ),
    roles: list("analyst|researcher|explorer|summariser|reviewer|scout"),
  },
  education: {
    topics: list(
      "math|physics|chemistry|history|spanish|french|japanese|biology|grammar|sat|vocabulary|algebra|calculus|german|latin",
    ),
    roles: list("tutor|teacher|quiz master|explainer|coach|translator|flashcards"),
  },
  programming: {
    topics: list(
      "python|javascript|typescript|rust|sql|react|docker|kubernetes|regex|go|bash|java|swift|terraform|postgres",
    ),
    roles: list("code reviewer|debugger|assistant|mentor|architect|generator"),
  },
  lifestyle: {
    topics: list(
      "travel|recipe|fitness|yoga|wine|garden|meditation|budget|fashion|parenting|sleep|running|vegan|skincare|dog training",
    ),
    roles: list("planner|guide|coach|buddy|advisor|chef|companion"),
  },
};

export const PREFIXES = list(
  "smart|swift|friendly|expert|ultimate|simple|clever|daily|pocket|quick|deep|handy|calm|bold|precise|patient|creative|honest",
);
export const SUFFIXES = list("Pro|GPT|Plus|Lab|Studio|Mate|AI|Copilot");

export const VERBS = list(
  "write|plan|review|explain|summarise|draft|improve|organise|translate|analyse|learn|practise|debug|compare|check|outline",
);

export const FEATURES = list(
  "step-by-step guidance|clear examples|a friendly tone|practical checklists|citations you can verify|short answers first|templates you can reuse|honest feedback|tips from professionals|questions that keep you on track|plain language|detailed explanations|exercises with answers|weekly plans",
);

export const FILLER = [
  "Ask anything and get an answer in seconds.",
  "Built for beginners and experts alike.",
  "Works best when you share some context first.",
  "It remembers the goal of the conversation and keeps answers focused.",
  "Upload your own notes to get answers grounded in them.",
  "No sign-up needed beyond your Atelier account.",
  "Great for students, teams and busy professionals.",
  "Tell it your level and it adapts the depth of every answer.",
  "Made by a small team that uses it every day.",
  "Answers are concise by default; ask for more detail any time.",
];

export const FIRST_NAMES = list(
  "Ada|Grace|Alan|Linus|Margaret|Dennis|Barbara|Ken|Radia|Tim|Frances|Edsger|Hedy|Guido|Katherine|Bjarne|Sophie|Yukihiro|Anita|Donald|Mary|John|Lin|Priya|Omar|Chen|Fatima|Lucas|Amara|Kenji",
);
export const LAST_NAMES = list(
  "Lovelace|Hopper|Turing|Torvalds|Hamilton|Ritchie|Liskov|Thompson|Perlman|Berners-Lee|Allen|Dijkstra|Lamarr|van Rossum|Johnson|Wilson|Nakamura|Okafor|Garcia|Schmidt|Rossi|Novak|Silva|Kowalski|Haddad",
);
export const STUDIO_WORDS = list(
  "Acme|Northwind|Bluebird|Lighthouse|Copper|Maple|Orbit|Quill|Summit|Harbor|Juniper|Atlas|Pixel|Tandem|Meridian",
);
export const STUDIO_KINDS = list("Labs|Studio|AI|Works|Collective|Learning");

export const REVIEW_BODIES = {
  good: [
    "Exactly what I needed, saved me hours.",
    "Clear, fast and accurate. Use it every day now.",
    "Much better than the other ones I tried.",
    "Great explanations, very patient with follow-up questions.",
    "Simple and does one thing really well.",
  ],
  mixed: [
    "Useful, but sometimes the answers are too long.",
    "Good start, though it misses details now and then.",
    "Decent for the basics; not for advanced questions.",
  ],
  bad: [
    "Kept misunderstanding my questions.",
    "Generic answers, nothing I could not find myself.",
    "Did not follow the instructions in the description.",
  ],
};

export const CREATOR_REPLIES = [
  "Thanks for the feedback! We just improved this.",
  "Glad it helps. More examples are coming next week.",
  "Sorry about that: could you share an example conversation?",
];
