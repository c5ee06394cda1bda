/** Demo accounts and expert profiles. All names and people are invented. */
import type { Role } from "@/db/schema";

export type AccountSeed = { email: string; name: string; role: Role };

export const ACCOUNTS: AccountSeed[] = [
  { email: "admin@newsroom.test", name: "Morgan Ashby", role: "admin" },
  { email: "editor@newsroom.test", name: "Grace Whitaker", role: "editor" },
  { email: "contributor@newsroom.test", name: "Nadia Osei", role: "contributor" },
];

export type ExpertSeed = {
  slug: string;
  name: string;
  jobTitle: string;
  department: string;
  institution: string;
  subject: string;
  bio: string;
  expertise: string[];
  availableForMedia: boolean;
  isGuest?: boolean;
  /** Email of the demo account this profile belongs to. */
  account?: string;
};

const HARROWGATE = "University of Harrowgate";

export const EXPERTS: ExpertSeed[] = [
  {
    slug: "nadia-osei", name: "Dr Nadia Osei", jobTitle: "Senior Lecturer in Computer Science", department: "School of Computing", institution: HARROWGATE, subject: "computer-science",
    bio: "Nadia studies how automated decisions are made and explained to the people they affect. She has advised two regional councils on the use of algorithms in housing and benefits. Before joining Harrowgate she built search software for a public library network.",
    expertise: ["Artificial intelligence", "Data ethics", "Algorithms in public services"], availableForMedia: true, account: "contributor@newsroom.test",
  },
  {
    slug: "ruth-calloway", name: "Professor Ruth Calloway", jobTitle: "Professor of Environmental Science", department: "School of Earth and Environment", institution: HARROWGATE, subject: "environmental-science",
    bio: "Ruth has spent twenty years measuring how the rivers of the northern uplands respond to heavy rain. Her team runs a network of low-cost water-level sensors maintained with local volunteers. She chairs the university's climate adaptation working group.",
    expertise: ["Flooding", "Rivers", "Climate adaptation"], availableForMedia: true,
  },
  {
    slug: "tomasz-wilk", name: "Dr Tomasz Wilk", jobTitle: "Reader in Civil Engineering", department: "School of Engineering", institution: HARROWGATE, subject: "engineering",
    bio: "Tomasz works on the inspection and repair of ageing bridges and tunnels. He develops sensing methods that spot cracking in concrete long before it can be seen. He is a chartered engineer and a keen restorer of old bicycles.",
    expertise: ["Bridges", "Infrastructure", "Materials"], availableForMedia: true,
  },
  {
    slug: "amara-bello", name: "Professor Amara Bello", jobTitle: "Professor of Modern History", department: "School of History", institution: HARROWGATE, subject: "history",
    bio: "Amara writes about work, migration and family life in the mill towns of the nineteenth and twentieth centuries. Her oral history projects have recorded more than four hundred interviews across the county. She is a trustee of the Harrowgate Town Museum.",
    expertise: ["Industrial history", "Migration", "Oral history"], availableForMedia: true,
  },
  {
    slug: "eleanor-fitch", name: "Dr Eleanor Fitch", jobTitle: "Lecturer in English Literature", department: "School of English", institution: HARROWGATE, subject: "english-literature",
    bio: "Eleanor researches Victorian fiction and the reading groups and lending libraries that kept it in circulation. She runs the Harrowgate Reading Rooms project with the city library service. Her first book traced the afterlives of serial novels.",
    expertise: ["Victorian fiction", "History of reading", "Libraries"], availableForMedia: false,
  },
  {
    slug: "marcus-hale", name: "Dr Marcus Hale", jobTitle: "Senior Lecturer in Music", department: "School of Music", institution: HARROWGATE, subject: "music",
    bio: "Marcus is a composer whose work has been performed by brass bands, choirs and string quartets across the north. He leads research on amateur music-making and wellbeing. He directs the University Wind Orchestra.",
    expertise: ["Composition", "Brass bands", "Community music"], availableForMedia: true,
  },
  {
    slug: "janet-mcbride", name: "Professor Janet McBride", jobTitle: "Professor of Community Nursing", department: "School of Nursing and Midwifery", institution: HARROWGATE, subject: "nursing-and-midwifery",
    bio: "Janet nursed in district teams for fifteen years before moving into research. She studies how care at home can help older people avoid unplanned hospital stays. She advises the regional health board on workforce planning.",
    expertise: ["Community nursing", "Care of older people", "Health workforce"], availableForMedia: true,
  },
  {
    slug: "owen-pryce", name: "Dr Owen Pryce", jobTitle: "Senior Lecturer in Psychology", department: "School of Psychology", institution: HARROWGATE, subject: "psychology",
    bio: "Owen runs the Harrowgate Sleep Lab, which studies how teenagers sleep and how that shapes their mood and learning. His studies combine wearable trackers with diaries kept by young people themselves. He regularly talks to schools about healthy sleep.",
    expertise: ["Sleep", "Adolescent mental health", "Wellbeing"], availableForMedia: true,
  },
  {
    slug: "leila-haddad", name: "Professor Leila Haddad", jobTitle: "Professor of Economics", department: "Harrowgate Business School", institution: HARROWGATE, subject: "economics",
    bio: "Leila studies regional economies: why some towns prosper while neighbours struggle. Her recent work follows household budgets through rising housing and energy costs. She has given evidence to two parliamentary committees.",
    expertise: ["Regional economics", "Housing", "Cost of living"], availableForMedia: true,
  },
  {
    slug: "simon-achebe", name: "Dr Simon Achebe", jobTitle: "Reader in Law", department: "Harrowgate Law School", institution: HARROWGATE, subject: "law",
    bio: "Simon specialises in consumer law and digital rights. He runs the Law School's free advice clinic, where students help residents with disputes over faulty goods and unfair contracts. He writes often on online privacy.",
    expertise: ["Consumer law", "Digital rights", "Access to justice"], availableForMedia: false,
  },
  {
    slug: "hannah-lindqvist", name: "Dr Hannah Lindqvist", jobTitle: "Lecturer in Urban Ecology", department: "School of Earth and Environment", institution: HARROWGATE, subject: "environmental-science",
    bio: "Hannah studies the insects, birds and plants that live in cities. Her citizen-science surveys ask residents to record pollinators in their gardens and window boxes. She is interested in how small green spaces add up.",
    expertise: ["Urban ecology", "Pollinators", "Citizen science"], availableForMedia: true,
  },
  {
    slug: "graham-whitlock", name: "Professor Graham Whitlock", jobTitle: "Professor of Electrical Engineering", department: "School of Engineering", institution: HARROWGATE, subject: "engineering",
    bio: "Graham works on batteries and the local electricity networks that will have to carry far more power in future. His group tests storage systems for schools, farms and community energy schemes. He previously worked for a regional network operator.",
    expertise: ["Energy storage", "Electricity networks", "Community energy"], availableForMedia: false,
  },
  {
    slug: "priya-natarajan", name: "Dr Priya Natarajan", jobTitle: "Senior Lecturer in Health Psychology", department: "School of Psychology", institution: HARROWGATE, subject: "psychology",
    bio: "Priya studies why people do or do not take up health advice, from vaccination to screening. She works closely with community groups to design clearer health messages. She is a registered health psychologist.",
    expertise: ["Vaccination", "Health behaviour", "Health inequalities"], availableForMedia: true,
  },
  {
    slug: "chloe-maddox", name: "Dr Chloe Maddox", jobTitle: "Lecturer in Economics", department: "Harrowgate Business School", institution: HARROWGATE, subject: "economics",
    bio: "Chloe studies the labour market, especially part-time work, working hours and the four-day week. She has run trials with employers across the county. She teaches the first-year course on economics in everyday life.",
    expertise: ["Labour markets", "Working hours", "Productivity"], availableForMedia: false,
  },
  {
    slug: "ian-carrow", name: "Professor Ian Carrow", jobTitle: "Professor of Hydrology", department: "Department of Geography", institution: "University of Eastmoor", subject: "environmental-science",
    bio: "Ian models how water moves through peat and upland soils. He has worked with water companies on restoring moorland to slow the flow of floodwater. He is a regular collaborator with Harrowgate's river research group.",
    expertise: ["Hydrology", "Peatland", "Flood risk"], availableForMedia: false, isGuest: true,
  },
  {
    slug: "sofia-marquez", name: "Dr Sofia Márquez", jobTitle: "Research Fellow in Media Studies", department: "School of Media", institution: "Kingsbridge University", subject: "computer-science",
    bio: "Sofia studies how news travels on social platforms and how readers judge what to trust. She has worked as a data journalist in Madrid and London. She co-writes with Harrowgate colleagues on misinformation.",
    expertise: ["Misinformation", "Digital media", "Journalism"], availableForMedia: false, isGuest: true,
  },
];

export function initials(name: string): string {
  const words = name.replace(/^(Dr|Professor|Prof\.?)\s+/, "").split(/\s+/);
  return ((words[0]?.[0] ?? "") + (words[words.length - 1]?.[0] ?? "")).toUpperCase();
}
