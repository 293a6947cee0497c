/**
 * The words synthetic models are made of, modelled on "Indikatorer – öppna jämförelser 2019":
 * the subjects indicators are about, the parts a routine must contain, the standardised methods,
 * the counts and shares result indicators are built from, and the sentences of purposes,
 * references and definitions. No text contains a double quote or a backslash, so every entry can
 * be written inside a model string as it is.
 */

/** A subject an indicator can be about. */
export interface Topic {
    /** The start of question ids ("Avhysning" → AvhysningRutin). */
    stem: string;
    /** What a routine is for: "rutin för {routine}". */
    routine: string;
    /** The subject as a noun phrase: "samverkan kring {subject}". */
    subject: string;
    quality: string;
}

export const TOPICS: readonly Topic[] = [
    {
        stem: 'Avhysning',
        routine: 'att förhindra avhysning av barnfamiljer',
        subject: 'barnfamiljer som riskerar avhysning',
        quality: 'Säker',
    },
    {
        stem: 'Skyddade',
        routine: 'att inte röja skyddade personuppgifter',
        subject: 'personer med skyddade personuppgifter',
        quality: 'Säker',
    },
    {
        stem: 'Sip',
        routine: 'information om samordnad individuell plan (SIP)',
        subject: 'samordnad individuell plan (SIP)',
        quality: 'Helhetssyn och samordning',
    },
    { stem: 'Våld', routine: 'att upptäcka våld i nära relationer', subject: 'våldsutsatta vuxna', quality: 'Säker' },
    {
        stem: 'Heder',
        routine: 'att upptäcka hedersrelaterat våld och förtryck',
        subject: 'personer utsatta för hedersrelaterat våld',
        quality: 'Säker',
    },
    { stem: 'Suicid', routine: 'att förebygga suicid', subject: 'personer med risk för suicid', quality: 'Säker' },
    {
        stem: 'Klagomål',
        routine: 'hantering av klagomål och synpunkter',
        subject: 'klagomål och synpunkter',
        quality: 'Individanpassad',
    },
    {
        stem: 'LexSarah',
        routine: 'rapportering av missförhållanden enligt lex Sarah',
        subject: 'missförhållanden enligt lex Sarah',
        quality: 'Säker',
    },
    { stem: 'Avvikelse', routine: 'hantering av avvikelser', subject: 'avvikelser i verksamheten', quality: 'Säker' },
    { stem: 'Tolk', routine: 'användning av tolk', subject: 'personer som behöver tolk', quality: 'Jämlik' },
    { stem: 'Barnperspektiv', routine: 'att beakta barnets bästa', subject: 'barnets bästa', quality: 'Individanpassad' },
    {
        stem: 'Anhöriga',
        routine: 'stöd till anhöriga',
        subject: 'anhöriga som vårdar eller stödjer en närstående',
        quality: 'Individanpassad',
    },
    {
        stem: 'Samtycke',
        routine: 'inhämtande av samtycke',
        subject: 'samtycke till informationsutbyte',
        quality: 'Självbestämmande och integritet',
    },
    { stem: 'Läkemedel', routine: 'läkemedelshantering', subject: 'läkemedelshantering', quality: 'Säker' },
    { stem: 'Fall', routine: 'att förebygga fall', subject: 'personer med risk för fall', quality: 'Säker' },
    { stem: 'Nutrition', routine: 'att förebygga undernäring', subject: 'personer med risk för undernäring', quality: 'Säker' },
    { stem: 'Trycksår', routine: 'att förebygga trycksår', subject: 'personer med risk för trycksår', quality: 'Säker' },
    {
        stem: 'Demens',
        routine: 'stöd till personer med demenssjukdom',
        subject: 'personer med demenssjukdom',
        quality: 'Individanpassad',
    },
    {
        stem: 'Utskrivning',
        routine: 'samordnad utskrivning från slutenvården',
        subject: 'utskrivning från slutenvården',
        quality: 'Helhetssyn och samordning',
    },
    { stem: 'Hemlöshet', routine: 'att motverka hemlöshet', subject: 'personer i hemlöshet', quality: 'Jämlik' },
    { stem: 'Spel', routine: 'att upptäcka spelproblem', subject: 'personer med spelproblem', quality: 'Kunskapsbaserad' },
    {
        stem: 'Dokumentation',
        routine: 'dokumentation av genomförande',
        subject: 'dokumentation av genomförda insatser',
        quality: 'Säker',
    },
    {
        stem: 'Introduktion',
        routine: 'introduktion av nyanställda handläggare',
        subject: 'nyanställda handläggare',
        quality: 'Kunskapsbaserad',
    },
    { stem: 'Kris', routine: 'krisberedskap vid allvarlig händelse', subject: 'krisberedskap', quality: 'Säker' },
    { stem: 'Orosanmälan', routine: 'hantering av orosanmälningar', subject: 'orosanmälningar', quality: 'Säker' },
    { stem: 'Placering', routine: 'uppföljning av placerade barn', subject: 'placerade barn', quality: 'Säker' },
    {
        stem: 'Genomförandeplan',
        routine: 'upprättande av genomförandeplaner',
        subject: 'genomförandeplaner',
        quality: 'Individanpassad',
    },
    {
        stem: 'Försörjning',
        routine: 'stöd till egen försörjning',
        subject: 'personer med långvarigt ekonomiskt bistånd',
        quality: 'Effektiv',
    },
    { stem: 'Ensamkommande', routine: 'mottagande av ensamkommande barn', subject: 'ensamkommande barn', quality: 'Säker' },
    { stem: 'Ansökan', routine: 'handläggning av digitala ansökningar', subject: 'digitala ansökningar', quality: 'Tillgänglig' },
    {
        stem: 'Information',
        routine: 'tillgänglig information om verksamheten',
        subject: 'information om verksamheten',
        quality: 'Tillgänglig',
    },
    { stem: 'Måltid', routine: 'en god måltidsmiljö', subject: 'måltidsmiljön', quality: 'Individanpassad' },
    {
        stem: 'Sysselsättning',
        routine: 'stöd till sysselsättning',
        subject: 'personer utan sysselsättning',
        quality: 'Individanpassad',
    },
    { stem: 'Ombud', routine: 'tillgång till personligt ombud', subject: 'personligt ombud', quality: 'Tillgänglig' },
    { stem: 'Boendestöd', routine: 'insatser inom boendestöd', subject: 'boendestöd', quality: 'Individanpassad' },
    {
        stem: 'Skolgång',
        routine: 'stöd till skolgång för placerade barn',
        subject: 'skolgång för placerade barn',
        quality: 'Jämlik',
    },
    {
        stem: 'Hälsa',
        routine: 'hälsoundersökning av placerade barn',
        subject: 'hälsoundersökning av placerade barn',
        quality: 'Säker',
    },
    {
        stem: 'Övergrepp',
        routine: 'att upptäcka sexuella övergrepp',
        subject: 'barn utsatta för sexuella övergrepp',
        quality: 'Säker',
    },
    { stem: 'Skuld', routine: 'budget- och skuldrådgivning', subject: 'personer med skuldproblem', quality: 'Effektiv' },
    { stem: 'Missbruk', routine: 'tidig upptäckt av missbruk', subject: 'personer med missbruk', quality: 'Kunskapsbaserad' },
    {
        stem: 'Samsjuklighet',
        routine: 'insatser vid samsjuklighet',
        subject: 'personer med samsjuklighet',
        quality: 'Helhetssyn och samordning',
    },
    { stem: 'Föräldraskap', routine: 'föräldraskapsstöd', subject: 'föräldrar som behöver stöd', quality: 'Kunskapsbaserad' },
    { stem: 'Nattillsyn', routine: 'tillsyn nattetid', subject: 'tillsyn nattetid', quality: 'Säker' },
    {
        stem: 'Välfärdsteknik',
        routine: 'införande av välfärdsteknik',
        subject: 'välfärdsteknik',
        quality: 'Självbestämmande och integritet',
    },
    {
        stem: 'Kontinuitet',
        routine: 'personalkontinuitet i hemtjänsten',
        subject: 'personalkontinuitet',
        quality: 'Individanpassad',
    },
    {
        stem: 'Språk',
        routine: 'kommunikation med personer med annat modersmål',
        subject: 'personer med annat modersmål',
        quality: 'Jämlik',
    },
    { stem: 'Utredning', routine: 'utredningar som avslutas i tid', subject: 'utredningar', quality: 'Effektiv' },
    { stem: 'Ungdom', routine: 'stöd till unga vuxna', subject: 'unga vuxna', quality: 'Individanpassad' },
];

/** Lettered parts a routine or agreement must contain (question items A, B, C, …). */
export const ROUTINE_PARTS: readonly (readonly string[])[] = [
    [
        'Hur ni aktivt söker upp berörda personer?',
        'Hur ni följer upp att insatsen har gett avsett resultat?',
        'Vem som ansvarar för kontakten med andra aktörer?',
        'Hur den enskilde informeras om sina rättigheter?',
    ],
    [
        'Ansvarsfördelningen mellan handläggare och utförare?',
        'Hur dokumentationen ska ske?',
        'Hur avvikelser ska rapporteras?',
        'Hur rutinen ska följas upp?',
    ],
    [
        'Gemensamma mål för samarbetet?',
        'Resurs- och ansvarsfördelningen mellan kommun och region?',
        'Rutiner för samarbete kring enskilda personer?',
        'Former för gemensam uppföljning?',
    ],
    [
        'Hur riskbedömning ska göras?',
        'Vilka åtgärder som ska vidtas vid risk?',
        'Hur den enskilde och närstående ska involveras?',
        'Hur åtgärderna ska utvärderas?',
    ],
];

/** Multiple-choice forms (ticked or not), for "Vilka former av … ?" questions. */
export const FORM_LISTS: readonly { what: string; forms: readonly string[] }[] = [
    {
        what: 'kompetensutveckling',
        forms: [
            'Kontinuerlig handledning',
            'Fortbildning',
            'Vidareutbildning på högskolenivå',
            'Annan form av kompetensutveckling',
        ],
    },
    {
        what: 'brukarinflytande',
        forms: ['Brukarundersökning', 'Brukarråd', 'Dialogmöten med brukarorganisationer', 'Annan form av brukarinflytande'],
    },
    {
        what: 'information',
        forms: [
            'Information på webbplatsen',
            'Skriftlig information på lättläst svenska',
            'Information på andra språk',
            'Information i annat format',
        ],
    },
    {
        what: 'uppföljning',
        forms: [
            'Uppföljning på individnivå',
            'Sammanställning på gruppnivå',
            'Analys av resultaten',
            'Återkoppling till personalen',
        ],
    },
];

/** A standardised assessment method: its answer set says "Ja, {name}". */
export interface Method {
    name: string;
    purpose: string;
    quality: string;
}

export const METHODS: readonly Method[] = [
    { name: 'AUDIT', purpose: 'upptäcka riskfylld alkoholkonsumtion', quality: 'Kunskapsbaserad' },
    { name: 'DUDIT', purpose: 'upptäcka drogrelaterade problem', quality: 'Kunskapsbaserad' },
    { name: 'ASI', purpose: 'bedöma hjälpbehov vid missbruk', quality: 'Kunskapsbaserad' },
    { name: 'ADAD', purpose: 'bedöma hjälpbehov hos ungdomar med missbruk', quality: 'Kunskapsbaserad' },
    { name: 'BBIC', purpose: 'utreda barns behov', quality: 'Kunskapsbaserad' },
    { name: 'FREDA', purpose: 'upptäcka våld i nära relationer', quality: 'Säker' },
    { name: 'IBIC', purpose: 'beskriva behov i den dagliga livsföringen', quality: 'Individanpassad' },
    { name: 'PGSI', purpose: 'upptäcka spelproblem', quality: 'Kunskapsbaserad' },
    { name: 'MMSE', purpose: 'bedöma kognitiv förmåga', quality: 'Kunskapsbaserad' },
    { name: 'GAF', purpose: 'bedöma psykosocial funktionsnivå', quality: 'Kunskapsbaserad' },
];

/** What result indicators count: "Hur många {count} …?" and shares of them. */
export interface Count {
    stem: string;
    count: string;
    total: string;
    share: string;
}

export const COUNTS: readonly Count[] = [
    {
        stem: 'Utredningar',
        count: 'utredningar avslutades inom fyra månader',
        total: 'utredningar avslutades totalt',
        share: 'utredningar som avslutats inom fyra månader',
    },
    {
        stem: 'Planer',
        count: 'personer har en aktuell genomförandeplan',
        total: 'personer har beviljade insatser',
        share: 'personer med aktuell genomförandeplan',
    },
    {
        stem: 'Uppföljningar',
        count: 'beslut följdes upp inom sex månader',
        total: 'beslut fattades under perioden',
        share: 'beslut som följts upp inom sex månader',
    },
    {
        stem: 'Återaktualiseringar',
        count: 'ärenden återaktualiserades inom ett år',
        total: 'ärenden avslutades året innan',
        share: 'ärenden som inte återaktualiserats inom ett år',
    },
    {
        stem: 'Väntetid',
        count: 'personer fick insatsen inom två veckor',
        total: 'personer ansökte om insatsen',
        share: 'personer som fått insatsen inom två veckor',
    },
    {
        stem: 'Handläggare',
        count: 'handläggare har socionomexamen',
        total: 'handläggare finns i verksamheten',
        share: 'handläggare med socionomexamen',
    },
    {
        stem: 'Avbrott',
        count: 'placeringar avslutades enligt plan',
        total: 'placeringar avslutades totalt',
        share: 'placeringar som avslutats enligt plan',
    },
    {
        stem: 'Samtal',
        count: 'barn fick ett enskilt samtal',
        total: 'barn berördes av en utredning',
        share: 'barn som fått ett enskilt samtal',
    },
];

export const KNOWLEDGE_SUPPORT: readonly string[] = [
    'Om standardiserade bedömningsmetoder. Socialstyrelsen 2012.',
    'Nationella riktlinjer för vård och stöd vid missbruk och beroende. Socialstyrelsen 2019.',
    'Våld - handbok om socialtjänstens och hälso- och sjukvårdens arbete med våld i nära relationer. Socialstyrelsen 2016.',
    'Strategi för samverkan kring barn och unga som far illa eller riskerar att fara illa. Socialstyrelsen 2007.',
    'Samverkan i re/habilitering. En vägledning. Socialstyrelsen 2008.',
    'Stöd för socialtjänsten i arbetet med att förebygga avhysningar. Socialstyrelsen, 2017.',
    'Ledningssystem för systematiskt kvalitetsarbete. Handbok för tillämpningen av föreskrifter och allmänna råd. Socialstyrelsen 2012.',
    'Barn och unga i familjehem och HVB. Handbok om socialnämndens ansvar och uppgifter. Socialstyrelsen 2013.',
    'Nationella riktlinjer för vård och omsorg vid demenssjukdom. Socialstyrelsen 2017.',
    'Kunskapsguiden.se - kunskapsstöd för hälso- och sjukvård och socialtjänst.',
];

export const LEGISLATION: readonly string[] = [
    'Socialtjänstlagen (2001:453), SoL.',
    'Lag (1993:387) om stöd och service till vissa funktionshindrade, LSS.',
    'Socialstyrelsens föreskrifter och allmänna råd om ledningssystem för systematiskt kvalitetsarbete (SOSFS 2011:9).',
    'Hälso- och sjukvårdslagen (2017:30), HSL.',
    'Offentlighets- och sekretesslagen (2009:400), OSL.',
    'Socialstyrelsens föreskrifter och allmänna råd om våld i nära relationer (SOSFS 2014:4).',
    'Föräldrabalken (1949:381).',
    'Lag (2017:612) om samverkan vid utskrivning från sluten hälso- och sjukvård.',
];

/** Sentences a purpose (syfte) is made of; {subject} is the indicator's subject. */
export const PURPOSE_SENTENCES: readonly string[] = [
    'Indikatorn syftar till att belysa om kommunen har ett systematiskt arbetssätt för {subject}.',
    'Rutiner som beskriver ett bestämt tillvägagångssätt kan utgöra ett stöd för handläggarna och minska risken för godtycke, till nytta för den enskilde.',
    'För att säkra att rutinerna är aktuella och stödjer insatserna till den enskilde är det viktigt att de regelbundet följs upp.',
    'Att använda kvalitetssäkrade och standardiserade metoder innebär att bedömningen blir likartad oberoende av var den enskilde söker hjälp.',
    'Samverkan mellan aktörerna ökar förutsättningarna för en gemensam planering och ett samfällt agerande till gagn för den enskilde.',
    'Tidig upptäckt gör det möjligt att erbjuda rätt stöd och att förebygga ohälsa.',
    'Det är viktigt att socialtjänsten har beredskap för hur ärenden som rör {subject} ska hanteras både vid handläggning och vid genomförande av insatser.',
    'Arbetet behöver präglas av ett säkerhetstänkande och av respekt för den enskildes självbestämmande och integritet.',
    'En tydlig ansvarsfördelning är en framgångsfaktor för en fungerande samverkan.',
    'Uppföljning på gruppnivå ger underlag för att utveckla verksamheten och för att fördela resurser efter behov.',
];

/** Definitions printed under the technical description: "Med {term} avses {text}". */
export const DEFINITIONS: readonly { term: string; text: string }[] = [
    { term: 'aktivt söka upp', text: 'att socialtjänsten muntligen kontaktat den enskilde vid kännedom om behovet.' },
    { term: 'myndighetsutövningen', text: 'här utredning, beslut och verkställighet.' },
    { term: 'skriftlig', text: 'att rutinen finns dokumenterad och är tillgänglig för berörd personal.' },
    { term: 'perioden', text: 'de tolv månader som föregår mätdatum.' },
    { term: 'handläggare', text: 'den som utreder och fattar beslut på delegation av nämnden.' },
    { term: 'externa aktörer', text: 'andra myndigheter, regionen, skolan och ideella organisationer.' },
    {
        term: 'standardiserade bedömningsmetoder',
        text: 'här ett formulär med i förväg fastställda frågor och svarsalternativ och en manual som beskriver hur det ska användas.',
    },
];

/** Shared definitions (begrepp) indicators refer to by name. */
export const TERMS: readonly { name: string; term: string; definition: string }[] = [
    {
        name: 'ledningsnivå',
        term: 'ledningsnivå',
        definition: 'den nivå inom organisationen som har mandat att besluta om gemensamma rutiner.',
    },
    {
        name: 'ledningsnivåÖverenskommelser',
        term: 'ledningsnivå',
        definition: 'den nivå inom organisationen som har mandat att besluta om överenskommelser med externa aktörer.',
    },
    {
        name: 'rutin',
        term: 'rutin',
        definition:
            'ett bestämt tillvägagångssätt för hur aktiviteter ska genomföras samt ange ansvarsfördelningen. Rutinen ska vara känd och användas av ansvariga handläggare.',
    },
    {
        name: 'följtUpp',
        term: 'följt upp',
        definition:
            'att ni har kontrollerat att rutinen används och fungerar på avsett sätt samt att den vid behov har reviderats. Uppföljningen ska vara dokumenterad och daterad.',
    },
    {
        name: 'överenskommelse',
        term: 'överenskommelse',
        definition:
            'en skriftlig och på ledningsnivå beslutad överenskommelse som beskriver ett bestämt tillvägagångssätt för samverkan och anger ansvarsfördelningen.',
    },
    {
        name: 'standardiseradBedömningsmetod',
        term: 'standardiserad bedömningsmetod',
        definition:
            'ett formulär med i förväg fastställda frågor och svarsalternativ och en manual som beskriver hur det ska användas.',
    },
    {
        name: 'genomförandeplan',
        term: 'genomförandeplan',
        definition: 'en plan som beskriver hur en beslutad insats praktiskt ska genomföras.',
    },
    {
        name: 'samverkan',
        term: 'samverkan',
        definition: 'övergripande gemensamt handlande på organisatoriskt plan för visst syfte.',
    },
];

export const COMMENTS: readonly string[] = [
    'Indikatorn mäts och redovisas inom flera områden.',
    'Inom LSS finns uppdelning för barn och vuxna.',
    'Indikatorn är ny för året och saknar jämförelse bakåt i tiden.',
    'Frågan har omformulerats sedan föregående år, vilket kan påverka jämförbarheten.',
    'Indikatorn redovisas separat för varje område och grupp.',
];

export const ERROR_SOURCES: readonly string[] = [
    'Frågan kan tolkas olika beroende på hur verksamheten är organiserad.',
    'Uppgifterna bygger på verksamhetens egen registrering, som kan vara ofullständig.',
    'Definitionen har ändrats under året, vilket kan påverka jämförbarheten.',
];
