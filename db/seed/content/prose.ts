/**
 * Paragraph pools per subject, written for this demo. Story bodies combine a
 * story's own lead with a deterministic selection from its subject's pool,
 * so no two bodies are identical but every one reads as plain prose.
 */
export type SubjectProse = {
  paragraphs: string[];
  quotes: string[];
  headings: string[];
  figure: { alt: string; caption: string; credit: string };
};

export const PROSE: Record<string, SubjectProse> = {
  "computer-science": {
    paragraphs: [
      "Software now sits between people and many of the services they rely on, from booking a doctor's appointment to applying for a school place. When it works, nobody notices. When it fails, the people least able to argue back are often the ones who pay.",
      "The team's approach is to start with the people on the receiving end. Before writing a line of code they spend weeks with caseworkers, librarians and residents, asking what a fair outcome would look like and what an explanation would need to say.",
      "Much of the work is unglamorous: cleaning old records, documenting where each figure came from and checking whether a model behaves the same way for every group it touches. That care is what turns a clever prototype into something a council can trust.",
      "Students on the MSc in Data Science take part in the project through a placement module, working alongside council staff. Several graduates have gone on to lead data teams in the public sector.",
      "The researchers publish their test data and code openly so that others can check the results. They argue that any system used to make decisions about people should be open to that kind of inspection.",
    ],
    quotes: [
      "A system that cannot explain itself to the person it has just turned down is not finished, however accurate it looks on paper.",
      "The hardest part is never the mathematics. It is agreeing what the software is for and who gets a say when it goes wrong.",
      "Good data work is mostly patience: knowing where every number came from and what it leaves out.",
    ],
    headings: ["Who is on the receiving end?", "Opening the black box", "What happens next"],
    figure: { alt: "A laptop showing a chart beside handwritten notes", caption: "Researchers compare a model's decisions with the notes kept by caseworkers", credit: "Photo: Daniel Frost" },
  },
  "environmental-science": {
    paragraphs: [
      "The upland rivers that feed the Harrow rise quickly after heavy rain, sometimes by more than a metre in a few hours. Knowing exactly when and where that happens gives communities downstream precious time to move cars, belongings and livestock.",
      "Volunteers are central to the work. Local residents help maintain the sensors, report blocked culverts and share photographs of high water, building a record that no single agency could collect on its own.",
      "Restoring bogs, planting hedges and leaving space for water on farmland all slow the rush of rain towards towns. The research measures how much each of these measures helps, so that money goes where it makes the biggest difference.",
      "Wildlife is part of the picture too. Healthy wetlands store carbon, filter water and provide homes for birds and insects whose numbers have fallen sharply over the last fifty years.",
      "Findings are shared with the county's flood partnership and with farmers through a series of open field days held each spring on Riverside campus.",
    ],
    quotes: [
      "Every extra hour of warning lets a family move the things that matter and a farmer get stock onto higher ground.",
      "We are not going to engineer our way out of wetter winters. We have to make room for water, and the uplands are where that starts.",
      "The volunteers know these rivers better than any model does. Our job is to turn what they see into numbers others can use.",
    ],
    headings: ["Reading the river", "Room for water", "Working with the people who live there"],
    figure: { alt: "A river in flood running under a stone bridge", caption: "The Harrow in spate after a winter storm, seen from Mill Lane bridge", credit: "Photo: Kate Ambler" },
  },
  engineering: {
    paragraphs: [
      "Much of the country's infrastructure was built decades ago for lighter loads and a milder climate. Replacing it all is impossible, so engineers need better ways to tell which structures are safe, which need repair and which can wait.",
      "The group's sensors are small enough to fit in a coat pocket and cheap enough to leave in place for years. They listen for the faint signals that concrete and steel give off long before a crack becomes visible.",
      "Testing takes place in the heavy structures laboratory on Riverside campus, where full-size beams are loaded until they fail. The results are compared with readings taken from real bridges across the county.",
      "The same thinking applies to the electricity network. As homes switch to heat pumps and electric cars, local cables and substations must carry more power, and storage can ease the strain at the busiest times of day.",
      "Engineering students join the projects from their second year, gaining site experience that employers value. Many complete summer placements with the partner firms involved.",
    ],
    quotes: [
      "We want maintenance to be driven by evidence rather than by the calendar or, worse, by something going wrong.",
      "A bridge tells you a great deal if you know how to listen to it.",
      "The cheapest infrastructure is the infrastructure you already have, kept in good health.",
    ],
    headings: ["Listening to old structures", "From lab to roadside", "Skills for the next generation"],
    figure: { alt: "An engineer fixing a small sensor to a concrete pier", caption: "A sensor is fitted to one of the piers of the Ashby viaduct", credit: "Photo: Lewis Brandt" },
  },
  history: {
    paragraphs: [
      "Harrowgate grew fast in the nineteenth century, drawing workers from across the north, from Ireland and later from the Caribbean and South Asia. Their stories are often missing from official records, surviving instead in letters, photographs and family memory.",
      "Oral history is at the heart of the project. Volunteers trained by the university have recorded conversations with former mill workers, shopkeepers and their children, many of whom had never been asked about their working lives before.",
      "The recordings are being catalogued with the county archive so that schools, family historians and future researchers can use them. Each interview comes with a summary and a transcript written with the speaker's consent.",
      "Objects matter too. A union banner, a pay book or a wedding photograph can open up a whole conversation about how people lived, worked and made their town their own.",
      "History students contribute through a module on public history, learning how to interview, edit and present the past for audiences outside the university.",
    ],
    quotes: [
      "The people who built this town rarely wrote its history. We are trying to put their voices back into the record.",
      "Every interview changes something we thought we knew about how work and family fitted together.",
      "An archive is not only a store of old papers. It is a promise that someone will be listened to later.",
    ],
    headings: ["Voices from the mill towns", "What the archive leaves out", "Sharing the past"],
    figure: { alt: "Black and white photograph of workers leaving a textile mill", caption: "Workers leave the Calder Street mill at the end of a shift, around 1950", credit: "Photo: Harrowgate Town Museum collection" },
  },
  "english-literature": {
    paragraphs: [
      "Victorian readers met many of the era's great novels in instalments, a chapter a month, discussing them with friends and neighbours while they waited for the next part. Reading was a social activity long before book clubs had that name.",
      "The project follows the borrowing records of the town's first lending library, which survive almost complete from the 1860s. They show who read what, how quickly, and which books were returned unfinished.",
      "Some of the surprises are about taste: adventure stories and sensation novels were borrowed far more often than the books now taught in schools. Others are about who read, with mill workers and servants well represented in the ledgers.",
      "The researchers have set up modern reading groups in city libraries that work through a serial novel at the original pace, comparing their reactions with comments left by Victorian readers in the margins.",
      "The findings feed into teaching on the BA in English Literature, where students use the library ledgers to write their own histories of a single book.",
    ],
    quotes: [
      "The ledgers are a portrait of a town's imagination, one borrowed book at a time.",
      "People have always argued about the stories they share. That argument is where much of the meaning gets made.",
      "Reading slowly, together, turns out to be one of the best ways to understand how these novels worked.",
    ],
    headings: ["A chapter a month", "What the ledgers show", "Reading together again"],
    figure: { alt: "An open library ledger with handwritten columns of names and titles", caption: "A page from the Harrowgate Free Library borrowing ledger of 1867", credit: "Photo: Harrowgate Libraries" },
  },
  music: {
    paragraphs: [
      "Amateur music-making is one of the most widespread activities in the country, from brass bands and church choirs to rock groups rehearsing in garages. Yet it is rarely counted when people talk about the value of the arts.",
      "The research asks players and singers what they get from making music together. Friendship, routine and a sense of achievement come up again and again, alongside the simple pleasure of the sound.",
      "New pieces written for the project are designed so that players of very different abilities can perform side by side, with parts that stretch the experienced without leaving beginners behind.",
      "Concerts take place in community venues as well as in the Great Hall, and most are free to attend. Recordings are shared online so that the bands can hear themselves as an audience does.",
      "Music students take part as conductors, arrangers and section leaders, learning skills that serve them well in teaching and community work.",
    ],
    quotes: [
      "A band room on a Tuesday night is one of the most democratic places you will find.",
      "Writing for mixed abilities is a wonderful discipline. Every note has to earn its place.",
      "The sound is the reward, but the friendships are what bring people back every week.",
    ],
    headings: ["The value of playing together", "Writing for everyone", "Taking music out of the concert hall"],
    figure: { alt: "A brass band performing in a bandstand in a park", caption: "The Harrow Vale band rehearses a new piece in Victoria Park", credit: "Photo: Sam Ellery" },
  },
  "nursing-and-midwifery": {
    paragraphs: [
      "Most care happens outside hospitals, in people's homes and in community clinics. Nurses working there often know about problems long before they become emergencies, but they rarely have the time or tools to act on that knowledge.",
      "The study follows district nursing teams over a full year, recording how their time is spent and which visits prevent a later hospital admission. The aim is to give managers evidence for where extra staff would help most.",
      "Patients and carers are part of the research team, helping to design questions and interpret results. Their experience often points to simple changes, such as a named nurse or a phone number that is answered.",
      "Student nurses on placement see the work first-hand. Many say that community nursing was not a career they had considered before, and several have gone on to join the teams they trained with.",
      "The findings are shared with the regional health board and with the national bodies that plan nurse training places.",
    ],
    quotes: [
      "The visit that stops a fall or catches an infection early never makes the headlines, but it changes a life.",
      "If we want people to stay well at home, we have to value the nurses who make that possible.",
      "Carers are experts in their own situation. Research that ignores them misses half the picture.",
    ],
    headings: ["Care closer to home", "Counting what matters", "Growing the workforce"],
    figure: { alt: "A community nurse talking with an older man in his kitchen", caption: "A district nurse visits a patient at home in the Eastfield area of the city", credit: "Photo: Ruth Harcourt" },
  },
  psychology: {
    paragraphs: [
      "Sleep changes dramatically in the teenage years, with body clocks shifting later just as school days start early. The result is a generation of young people who are regularly short of sleep.",
      "The lab's studies ask young people to wear a simple tracker for two weeks and keep a short diary of their mood, screen use and school day. Taken together, these records show patterns that a single questionnaire would miss.",
      "Small changes can help. A regular wake-up time, daylight in the morning and a wind-down routine in the evening all make a measurable difference, especially when families agree them together.",
      "The same methods are used to understand why people do or do not follow health advice. Clear, respectful messages that come from trusted local voices tend to work better than warnings.",
      "Psychology students help to run the studies and analyse the data, gaining research experience that supports applications for further study and clinical training.",
    ],
    quotes: [
      "Teenagers are not lazy. Their body clocks are genuinely running later, and our school days rarely allow for it.",
      "People respond to advice that respects them and comes from someone they trust. Fear on its own rarely lasts.",
      "Sleep is the cheapest and most overlooked tool we have for wellbeing.",
    ],
    headings: ["Why teenagers sleep late", "Small changes, real effects", "Trust and health advice"],
    figure: { alt: "A wrist-worn activity tracker resting on an open diary", caption: "Study participants wear a tracker and keep a short daily diary", credit: "Photo: Harrowgate Sleep Lab" },
  },
  economics: {
    paragraphs: [
      "Towns only a few miles apart can follow very different economic paths. One keeps its high street busy and its young people close to home; another sees shops close and graduates leave for the cities.",
      "The research follows household budgets over several years, asking families how they manage rent, energy and food as prices change. The picture is more varied than national averages suggest.",
      "Work is changing too. Part-time jobs, irregular hours and trials of a four-day week all affect how much people earn and how they spend their time, with consequences for local businesses.",
      "The team works with councils and local employers to test ideas in practice, from business support schemes to changes in working patterns, and publishes the results whether or not they succeed.",
      "Economics students analyse the survey data in their final-year projects, learning to turn numbers into advice that a council committee can act on.",
    ],
    quotes: [
      "National figures tell you the weather. Household budgets tell you what it feels like to live through it.",
      "Places do not decline by accident. They are shaped by decisions, and different decisions can change the outcome.",
      "When people get time back, they spend some of it in their local economy. That matters more than we often assume.",
    ],
    headings: ["A tale of two towns", "What households tell us", "Testing ideas in practice"],
    figure: { alt: "A market square with shoppers and stalls", caption: "Saturday market in the centre of Harrowgate", credit: "Photo: Imogen Dale" },
  },
  law: {
    paragraphs: [
      "Most legal problems never reach a courtroom. They are disputes over a faulty washing machine, a deposit that was not returned or a subscription that will not cancel, and people often give up because they do not know their rights.",
      "The Law School's advice clinic helps residents with exactly these problems. Supervised students explain the law in plain terms, draft letters and, where necessary, help clients prepare for small claims.",
      "Digital services raise new questions. Terms and conditions run to thousands of words, personal data is collected by default, and it is not always clear who is responsible when something goes wrong.",
      "The research draws on the clinic's anonymised case records to show where the law works well and where it leaves people without a practical remedy. The findings are shared with regulators and consumer groups.",
      "Law students who volunteer at the clinic gain practical experience that counts towards professional training, and many say it is the most rewarding part of their degree.",
    ],
    quotes: [
      "Rights that people cannot use in practice are not much use at all.",
      "Plain language is not a luxury in law. It is how ordinary people get justice.",
      "Online, the small print has become the whole contract. We need rules that reflect how people actually click.",
    ],
    headings: ["Everyday justice", "The small print problem", "What should change"],
    figure: { alt: "Law students talking with a client across a table", caption: "Students at the Law School advice clinic on City campus", credit: "Photo: Ben Oduya" },
  },
};

export const BOILERPLATE =
  "The University of Harrowgate is a public research university with two campuses, in the city centre and at Riverside. It teaches more than 22,000 students across four faculties and works with partners across the north and around the world.";

export const CLOSINGS = [
  "The project runs until the end of next year, and the team plans to publish its full findings in an open-access report.",
  "Further events are planned over the coming months, and members of the public are welcome to get involved.",
  "The researchers are keen to hear from anyone who would like to take part in the next stage of the work.",
  "A summary of the findings will be presented at a free public talk on City campus later this year.",
  "The work is supported by the university's Civic Partnership Fund, which backs research with local organisations.",
  "Updates on the project will be shared on the newsroom and through the university's social channels.",
];
