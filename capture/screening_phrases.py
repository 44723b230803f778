"""The words screening reads: vocabulary, then the phrase lists built from it.

Kept apart from ``capture.screening`` so the rules fit on a screen and the
words can be read (and reviewed) on their own.  Every phrase list is a tuple
of regular expressions, configurable as ``CAPTURE_SCREEN_<NAME>``; each entry
carries an example of what it catches.  Matching is case-insensitive, on text
whose curly quotes and dashes were made straight, and an entry only matches
whole words (see ``capture.screening``).  Pure Python: no imports.

The lists that decide ``not_msp`` from a message read three things:
- who the sender's organisation is: a provider (``PROVIDER_SELF_DESCRIPTIONS``)
  or an organisation in another line of business (``OWN_LINE_OF_BUSINESS``,
  strong; ``OWN_ORGANISATION_HINTS``, weak);
- what it asks for: IT help or an IT provider for itself, named plainly
  (``OWN_IT_REQUESTS``; its own IT broken, ``OWN_IT_BROKEN``) or vaguely
  ("someone to take care of all of it", ``VAGUE_REQUESTS``, which needs the
  organisation or ``OWN_IT_CONTEXT`` too);
- whose request it is: not its clients' (``CLIENT_CONTEXT``, ``OTHER_PARTIES``)
  and not words it quotes from others (``OTHERS_SPEECH``).
"""

# ---------------------------------------------------------------------------
# Vocabulary the phrase lists below are built from.
# ---------------------------------------------------------------------------

def _verb_forms(*verbs: str) -> str:
    """Every form of each verb a request uses after its helper, as one alternation:
    "look after" -> "look after|looks after|looking after"."""
    doubled = {"set": "setting", "run": "running", "get": "getting", "stop": "stopping"}
    forms = []
    for verb in verbs:
        head, space, tail = verb.partition(" ")
        third = "is" if head == "be" else head + (
            "es" if head.endswith(("s", "sh", "ch", "x", "z", "o")) else "s")
        stem = head[:-1] if head.endswith("e") and not head.endswith(("ee", "be")) else head
        ing = doubled.get(head, stem + "ing")
        forms += [f"{form}{space}{tail}" for form in (head, third, ing)]
    return "|".join(forms)


# Organisations a provider serves; in the plural they are nearly always someone
# else's ("we support dental offices"), while an end user says "our office".
_ORGS = (
    r"businesses|companies|organi[sz]ations|offices|firms|practices|clinics|schools"
    r"|hospitals|non-?profits|churches|restaurants|hotels|manufacturers|dealerships"
    r"|retailers|smbs|smes|agencies|contractors|municipalities|business owners|groups"
    r"|districts|parishes|pharmacies|brokerages|brokers|plants|stores|shops|gyms|charities"
    r"|banks|credit unions|practitioners|operators|distributors|wholesalers|builders|chains"
    r"|franchises|franchisees"
)
_ORG = (
    r"business|company|organi[sz]ation|office|firm|practice|clinic|school|hospital"
    r"|non-?profit|church|restaurant|hotel|manufacturer|dealership|retailer|agency"
    r"|municipality|district|parish|pharmacy|brokerage|store|shop|gym|charity|bank"
)

# People in a line of business, in the plural: "CPAs need help every tax season".
_PEOPLE = (
    r"owners|doctors|dentists|lawyers|attorneys|cpas|accountants|bookkeepers|architects"
    r"|engineers|realtors|agents|brokers|physicians|therapists|chiropractors|veterinarians"
    r"|vets|pharmacists|teachers|principals|pastors|administrators|managers|directors"
    r"|executives|cfos|ceos|founders|entrepreneurs|landlords|restaurateurs|franchisees"
    r"|cios|ctos|cisos|coos|presidents|partners|buyers|decision makers|it directors"
    r"|it managers"
)

# What an end user says it needs, wants or is looking for.
_NEED = (
    r"need|needs|needed|needing|looking for|look for|searching for|search for|searching"
    r"|search|seeking|want|wants|would like|we'd like|i'd like|require|requires|in need of"
    r"|interested in|hire|hiring|to find|find us|find me|could use|shopping for|quote"
    r"|quote us|quote me|(?:looking|ready|planning|hoping) to (?:hire|bring in|bring on|find"
    r"|engage|retain|partner with|work with)|after(?:(?<=we're after)|(?<=we are after)"
    r"|(?<=i'm after)|(?<=i am after))|asked for|asking for|asks for|requested|requesting"
    r"|asked (?:me|us) to (?:find|get|hire|look for)"
    # "what we actually need is someone to...", "all I want is a company that..."
    r"|(?:need|needs|needed|want|wanted|looking for|are after|am after) is"
)
# Asking the price of something: "how much would it cost us", "what do you charge",
# "price for".  Before IT work it is an end user pricing IT help for itself.
_PRICE_OF = (
    r"(?:how much(?: (?:would|will|does|do|is|might)(?: it| that| this)?(?: (?:cost|be|run))?"
    r"(?: us| me)?)?|what (?:do|would|will|does|might) (?:you|it|that|this) (?:charge|cost|run)"
    r"(?: us| me)?|(?:price|prices|pricing|cost|costs|rates?|fees?|quotes?) (?:for|of|on))"
)
# Units an IT service is priced in; a lead or a meeting is not one.
_IT_UNIT = (
    r"(?:workstation|seat|user|device|endpoint|computer|pc|laptop|desktop|server|machine"
    r"|mailbox)s?"
)
# Choosing among providers, which only an organisation buying IT does:
# "interviewing MSPs", "choosing a new managed IT partner", "issue an RFP for".
_CHOOSE = (
    r"choos(?:e|es|ing)|select(?:s|ing)?|interview(?:s|ing)?|evaluat(?:e|es|ing)"
    r"|compar(?:e|es|ing)|vett?(?:ing)?|shop(?:ping)? (?:around )?for|bring(?:ing)? (?:on|in)"
    r"|review(?:s|ing)?|consider(?:s|ing)?|looking at|(?:getting|taking) (?:quotes|bids) from"
    r"|mov(?:e|ing) to|switch(?:ing)? to|hir(?:e|ing)|engag(?:e|ing)|retain(?:ing)?"
    r"|onboard(?:ing)?|line(?:s|ing)? up|(?:an )?rfp (?:[\w'-]+ ){0,3}?(?:for|to)"
    r"|request(?:ing)? proposals? (?:for|from)|proposals? from|bids? (?:for|from)|quotes? from"
)
# Small words allowed between the need and the thing: "need a reliable ...".
_BUY_GAP = (
    r"(?:(?:a|an|some|the|new|better|reliable|affordable|local|outside|outsourced|dedicated"
    r"|good|proper|ongoing|professional|full-time|part-time|regular|quick|urgent|onsite"
    r"|on-site|remote|experienced|our|my|its|your|one|single|help|with|from|for|quotes?|on"
    r"|setting|up|getting|own|office|dell|hp|lenovo|apple|24/7|24x7|round-the-clock|\d+"
    r"|real|actual|competent|capable|solid|trustworthy|dependable|monthly|annual|yearly"
    r"|weekly) )*"
)
# IT equipment and services an organisation has; "it" only after our/my/the,
# never the pronoun ("can you help us with it?").
_IT_THINGS = (
    r"it(?:(?<=our it)|(?<=my it)|(?<=office it)|(?<=the it))|(?-i:IT)(?! (?:directors?|managers?"
    r"|leaders?|decision|budgets?|spend|buyers?|professionals|pros|people|staff|firms"
    r"|companies|providers)(?!\w))|it[- ]support|computers?|pcs?"
    r"|laptops?|desktops?|workstations?|tablets?|ipads?|chromebooks?|network(?:s|ing)?"
    r"|servers?|nas|storage|e-?mail|printers?|copiers?|plotters|scanners|wi-?fi|wireless"
    r"|internet|firewalls?|routers?|backups?|phone system|phones|voip|pos(?: system"
    r"| terminals)?|point of sale(?: system)?|kiosks?|cameras|office 365|microsoft 365|m365"
    r"|google workspace|outlook|passwords?|viruse?s?|malware|ransomware|cyber ?security"
    r"|security|systems?|software|licen[cs]es|vpn|remote access|help ?desk|service desk"
    r"|desktop support|tech support|infrastructure|equipment|technology|erp|emr|ehr"
    r"|website hosting|hosting|file shares?|shared drives?|databases?|devices|hardware"
    r"|card readers?|cash registers?|smartboards|projectors|access points|modems|antivirus"
    r"|windows (?:10|11|server)(?: (?:rollout|upgrade|migration|deployment|refresh))?"
    r"|(?:os|operating system) (?:rollout|upgrade|migration|refresh)"
    r"|secure (?:way|portal|access|connection)|domain controllers?|active directory"
    r"|phone lines|tech(?:(?<=our tech)|(?<=my tech)|(?<=the tech))(?! (?:guy|person|people"
    r"|team|company|firm|support|industry|sector|market|space))"
    r"|(?:it|tech|technology|computer) (?:side|stuff|needs|setup|set-up|environment|upgrade"
    r"|refresh|overhaul|audit|assessment|update|problems|issues|help)"
)
# Words that make a helper an IT one: "a managed IT partner", "a network
# monitoring provider"; then the helpers themselves.
_IT_WORD = (
    r"it|msp|mssp|managed|tech|technology|computer|network|cyber ?security|security|soc"
    r"|siem|noc|help ?desk|service desk|cloud|backup|voip"
)
_HELPER_NOUN = (
    r"providers?|partners?|compan(?:y|ies)|firms?|vendors?|consultants?|consultanc(?:y|ies)"
    r"|people|person|guys?|team|department|contractors?|professionals?|experts?|specialists?"
    r"|shops?|outfits?|services? providers?|support providers?"
)
# Words that show an IT term names what the sender sells: "MSP marketing partner".
_SOLD_WORD = (
    r"marketing|sales|lead|leads|appointment|appointments|telemarketing|calling|campaigns?"
    r"|growth|recruiting|staffing|seo|content|advertising|prospecting|outreach|referral"
    r"|channel|reseller|resellers"
)
# People and firms an end user hires for its IT: "an MSP", "IT support", "a managed
# SOC/SIEM and network monitoring provider".
_IT_HELPERS = (
    r"(?:it|tech|technical|technology|computer|network|pc|desktop|end[- ]user|user"
    r"|managed desktop|managed network|onsite|on-site) (?:support|services?|help|helpdesk"
    r"|help desk|solutions?|consulting|assistance|management|outsourcing|repairs?)"
    r"(?: services| support)?(?: (?:company|companies|firm|provider|partner|team|person|guy))?"
    r"|msps?|mssps?|vars?|value[- ]added resellers?|managed service providers?"
    r"|break[/ -]fix(?: (?:support|service|services|work|help))?"
    r"|managed services? provider|managed (?:it|services)(?: services| support)?"
    r"|tech person|tech guy|it person|it guy|computer guy|technicians?"
    r"|(?:hipaa|pci|cmmc|soc ?2|nist) (?:compliance )?(?:help|support|assistance|consulting"
    r"|services)"
    # in other languages' words and order: "the informatic support", "support IT", "service
    # of computers maintenance"
    r"|informati(?:c|cs|que|ca|k)(?: (?:support|services?|help|maintenance|technician))?"
    r"|(?:support|service|maintenance) (?:(?-i:IT)|informatic)"
    r"|(?:service|maintenance|support|help|repair) (?:of|for|on) (?:the )?(?:computers?"
    r"|pcs?|network|servers?|printers?)"
    rf"|(?:{_IT_WORD})(?:[ /-](?!(?:{_SOLD_WORD}|to|for|with|who|that|which|on|in|at|of|from"
    rf"|by|as|our|my|we|i)(?!\w))[\w&-]+){{0,5}}?[ /-](?:{_HELPER_NOUN})"
)
# Someone who could be an IT helper when the rest of the sentence says what for.
_SOMEONE = (
    r"(?:(?:a|an|one|some|the|another|single|new|local|good|reliable|dependable|trusted"
    r"|trustworthy|outside|external|proper|professional|dedicated|experienced|competent"
    r"|responsive|small|independent|certified|licensed|qualified|vetted|e-rate|eligible)"
    r" )*(?:someone|somebody|compan(?:y|ies)|firms?|providers?|partners?"
    r"|consultant|vendor|person|team|expert|professional|specialist|contractor|help|people"
    r"|agency|business|service|volunteer|technician|tech|guy|pro|techie|geek|outfit|shop)"
)
_HELPER = rf"{_SOMEONE}(?: or {_SOMEONE})?"
# Where the helper should be, after it: "someone local", "someone local-ish (Paso Robles
# area)".
_HELPER_WHERE = (
    r"(?: (?:local(?:-ish)?|reliable|here|nearby|new|in (?:town|the area)|on call|on-call))?"
    r"(?: \([^()\n]{1,40}\))?"
)
# What an end user asks done to its IT: "fix our", "someone to look after our".
_REPAIR = (
    r"fix|repair|troubleshoot|set up|setup|upgrade|replace|secure|sort out|clean up"
    r"|look at|take a look at|migrate|move|outsource|take over|redo|stabili[sz]e|lock down"
    r"|(?:move|get|migrate) (?:off|away from)|check on|check|maintain|service|look after"
    r"|take care of"
)
_LOOK_AFTER = _verb_forms(
    "fix", "repair", "troubleshoot", "set up", "upgrade", "replace", "secure", "sort out",
    "clean up", "look at", "migrate", "move", "outsource", "take over", "redo", "stabilize",
    "stabilise", "lock down", "manage", "maintain", "handle", "take care of", "look after",
    "install", "monitor", "back up", "support", "keep", "run", "own", "be responsible for",
    "be on call for", "be on call", "implement", "deploy", "roll out", "give us", "provide",
    "service", "protect", "help with", "help us with", "deal with", "cover", "watch over",
    "oversee", "update", "patch", "standardize", "standardise", "modernize", "modernise",
    "do", "watch", "keep an eye on", "take responsibility for", "be in charge of",
    "take charge of", "take ownership of", "configure", "administer", "look into", "sort",
)
_TASK = (
    rf"(?:(?:who|that|which) (?:can |could |will |would |is able to |knows how to |should )?"
    rf"|to |for |and )?(?:(?:also|then|properly|reliably|actually|really|help|help us|come"
    rf"|come in and) )*(?:{_LOOK_AFTER})(?: (?:and|or|&) (?:then )?(?:{_LOOK_AFTER}))*"
)
# Words a request for the sender's own IT does not hold before the equipment: the
# people it calls on, or the selling it does ("someone to call companies about
# their servers").
_NOT_OWN = (
    r"(?!(?:their|them|they|clients?|customers?|prospects?|leads?|appointments?|meetings?"
    r"|calls?|calling|campaigns?|sales|selling|sell|market|marketing|pitch|book"
    r"|reach|target|targeting|companies|businesses|owners|directors?|managers?|decision"
    r"|whose|find|generate|grow|your)(?:'s|')?(?![\w'-]))"
)
_GAP = rf"(?:{_NOT_OWN}[\w/'&,.+-]+ )"
# Vague things a helper is asked to look after, which need the rest of the
# message to say they are the sender's IT: "someone to take care of all of it".
_VAGUE_OBJECT = (
    r"it(?: all)?|all(?: of)? (?:it|this|that|them)|this|that(?! (?:can|could|will|would|is"
    r"|are|does|do|has|have|knows|understands|specializ\w*|works|handles|takes|offers|provides"
    r"|gets|sets|books|runs)\b)|them|these(?: things)?|both"
    r"|the lot|(?:this|that|these|those) (?:kinds?|sorts?|types?) of (?:work|thing|things|stuff)"
    r"|everything(?: else)?|the rest|things|all (?:of )?(?:our |the |my )?(?:[\w-]+ ){0,2}?"
    r"(?:locations|sites|offices|branches|stores|clinics|gyms|restaurants|buildings"
    r"|schools|campuses|hospitals|practices)"
)
# A split verb with a vague object: "to take all of this over", "who can set things up".
_SPLIT_TASK = (
    rf"(?:(?:to|who|that) (?:can |could |will |would )?)?(?:come (?:in |out |over )?(?:and )?)?"
    rf"(?:take|set|sort|hook|straighten|clean|tidy|fix) (?:{_VAGUE_OBJECT}|things|everything)"
    r" (?:over|up|out)"
)
# Words after an IT term that show the sender sells it rather than buys it:
# "IT support business", "network assessment appointments", "MSP owners".
_SOLD_RIGHT_AFTER = (
    r"business|businesses|company|companies|firm|firms|practice|owners?|industry|market"
    r"|niche|vertical|space|offering|offerings|partnership|program|programs"
)
_SOLD_NEARBY = (
    r"sales|marketing|telemarketing|leads?|lead generation|appointments?|campaigns?"
    r"|prospects?|clients?|customers?|contracts?|deals?|revenue|growth|buyers?"
    r"|decision makers?|opportunities|reps?|resellers?"
)
_NOT_SOLD = (
    rf"(?! (?:{_SOLD_RIGHT_AFTER})(?!\w))(?!(?: [\w'-]+){{0,2}} (?:{_SOLD_NEARBY})(?!\w))"
    r"(?! (?:who|that) (?:might|would|could|will) (?:resell|refer|partner|buy)| as resellers?"
    r"| to (?:resell|refer|partner))"
)
# Small words between "our" / "help us" and the equipment: "help us set up our new".
_OWN_GAP = (
    r"(?:(?:us|me|out|with|to|fix|fixing|set|setting|up|move|moving|migrate|migrating"
    r"|upgrade|upgrading|replace|replacing|secure|securing|protect|back|install|installing"
    r"|troubleshoot|get|getting|our|my|the|a|an|new|some|all|both|old|aging|ageing|office"
    r"|main|company|business|work|shared|whole|entire|own|slow|broken|current|existing"
    r"|overnight|after-hours|after hours|weekend|night|nighttime|daytime|level 1|tier 1|\d+) )*"
)
# Words between "our" and its equipment; never someone else's, nor a provider's own
# technicians': "our clients' servers", "our techs' laptops".
_OWN_THINGS_GAP = (
    r"(?:(?!(?:clients?|customers?|users?|patients?|tenants?|prospects?|techs?|technicians?"
    r"|engineers?)'s?(?!\w))"
    r"[\w'/&-]+ ){0,3}?"
)
# How people say their IT is in trouble: "our server is down".
_BROKEN = (
    r"down|broken|failing|failed|fails|crashing|crashed|crashes|slow|hacked|infected"
    r"|offline|dying|dead|outdated|unreliable|a mess|acting up|not working|stopped working"
    r"|freezing|froze|glitching|drops(?: offline| out)?|dropping|giving us (?:trouble|problems"
    r"|headaches)|a patchwork|a disaster|a nightmare|a headache"
    r"|(?:won't|wont|will not|can't|cannot|doesn't|does not|isn't|is not|aren't|don't)"
    r" (?:work|working|connect|print|boot|start|turn on|sync)"
    r"|keeps? (?:failing|crashing|dropping|freezing|going down|disconnecting|breaking)"
    r"|needs? (?:replacing|replacement|to be replaced|upgrading|an upgrade|fixing|help|repair"
    r"|to be (?:upgraded|replaced|fixed|repaired|updated|migrated|moved)|an overhaul)"
    # "our tax software server died", "my booking laptop got a virus", "the till PC acts
    # up", "a printer that gives us fits", "is still on Windows 7"
    r"|(?:just |has |have |finally )died|died(?: (?:on|in|during|over|last|this|yesterday"
    r"|today|again)\b|(?= *(?:[.!,;]|$| and | so )))|dies|went down|goes down|gave out"
    r"|gave up|blew up|acts? up|quit working"
    r"|(?:got|gets|has|caught|picked up|keeps? getting|keeps? catching) (?:a virus|viruses"
    r"|virus's|malware|ransomware|hacked|infected|compromised)"
    r"|gives? us (?:fits|grief|trouble|problems|headaches)"
    r"|keeps? (?:dropping|cutting) (?:off|out)|(?:drop|drops|dropping) off"
    r"|keeps? (?:logging|signing|kicking) (?:[\w'-]+ )?out|keeps? bouncing|bounces|bouncing"
    r"|(?:shows?|showing|gets?|getting) (?:a |the )?blue screens?|blue[- ]screens?"
    r"|(?:can't|cannot|can not|won't|wont) (?:open|load|save|log ?in|sign in|be opened)"
    r"|keeps? (?:kicking|booting|logging|throwing) (?:people|us|me|everyone|everybody|users"
    r"|staff) (?:off|out)|(?:nobody|no one|no-one) (?:has )?(?:updated|patched|touched"
    r"|looked at|maintained) (?:them|it)? ?in (?:years|ages|months|forever)"
    r"|(?:don't|doesn't|won't|can't|cannot|do not|does not|will not) (?:talk to|see|connect"
    r" to|recognize|find|reach|cover)"
    r"|overheating|overheats|(?:is|are) (?:full|out of space|running out of space)"
    r"|full of (?:viruses|malware|pop-?ups)|riddled with (?:viruses|malware)"
    r"|loses? (?:the )?connection|(?:is|are) (?:(?:very|really|so|too|getting) )?(?:ancient"
    r"|old|obsolete|out of warranty|end of life"
    r"|on (?:its|their) last legs|still on windows (?:7|xp|vista|8))"
    # "our office pc is like 10 yrs old", "the server is over eight years old"
    r"|(?:is|are) (?:(?:like|about|around|almost|nearly|over|at least|probably|easily) )?"
    r"(?:\d+|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\+? (?:years?|yrs?)"
    r" old"
)
# What an end user wants done to its IT, as it says it after the thing: "looked after".
_DONE = (
    r"looked after|fixed|repaired|managed|maintained|supported|set up|serviced|upgraded"
    r"|replaced|sorted(?: out)?|secured|taken care of|monitored|backed up|installed"
    r"|configured|imaged|updated|patched|cleaned up|handled|migrated|moved|looked at"
    r"|checked(?: out)?|wired|networked|protected|done properly|done right|redone|rebuilt"
    r"|refreshed|overhauled|reworked|redesigned|fixed up|modernized|modernised"
)
_CURRENT_HELPER = (
    r"(?:our|my|its) (?:(?:current|old|existing|previous|last|actual|in-house|internal|only"
    r"|one|part-time|regular|usual|longtime|long-time|trusted) ){0,2}(?:msp|it (?:company"
    r"|provider|guy|person|firm|consultant|vendor|manager|staff|partner)|computer (?:guy|person)"
    r"|tech (?:guy|person)|techie|provider|it support|it department"
    r"|managed services? providers?|managed it (?:provider|company|partner))"
)
# The same, without the bare "provider", which may be a lead or marketing vendor ("our
# contract with our provider ends" from an MSP changing lead companies).
_CURRENT_IT_HELPER = _CURRENT_HELPER.replace("|provider|it support", "|it support")

# Lines of business that are not IT services.  A sector, the word before an
# organisation's kind: "a law firm", "a title and escrow company".
_SECTOR = (
    r"law|legal|litigation|immigration|family law|personal injury|estate planning|patent"
    r"|accounting|bookkeeping|tax|cpa|audit|payroll|hr|human resources|recruiting|insurance"
    r"|title|escrow|mortgage|lending|banking|wealth management|wealth|financial planning"
    r"|financial|investment|sec-registered|registered investment|real estate|realty"
    r"|property management|property|leasing|dental|orthodontic|orthodontics|pediatric"
    r"|medical|medical billing|billing|healthcare|health care|health|home health"
    r"|home care|hospice|physical therapy|chiropractic|optometry|dermatology|veterinary"
    r"|animal|behavioral health|mental health|counseling|pharmacy|pharmaceutical"
    r"|senior living|assisted living|nursing|rehab|rehabilitation|architecture"
    r"|architectural|interior design|engineering|surveying|construction|general contracting"
    r"|roofing|plumbing|hvac|electrical|landscaping|janitorial|cleaning|pest control"
    r"|moving|trucking|freight|logistics|shipping|transportation|transport|warehousing"
    r"|distribution|wholesale|import|export|manufacturing|machining|cnc|fabrication|metal"
    r"|plastics|food|food processing|beverage|coffee|restaurant|hospitality|hotel|travel"
    r"|tourism|catering|bakery|brewing|winery|farm|farming|agricultural|agriculture|retail"
    r"|e-commerce|ecommerce|fashion|apparel|furniture|jewelry|auto|automotive|car|fitness"
    r"|yoga|salon|spa|beauty|funeral|cemetery|church|religious|faith-based|ministry"
    r"|nonprofit|non-profit|non profit|charity|charitable|education|educational|tutoring|childcare"
    r"|child care|daycare|marketing|digital marketing|advertising|pr|public relations"
    r"|creative|graphic design|branding|video production|photography|publishing|event"
    r"|events|wedding|entertainment|film|management consulting|business consulting"
    r"|solar|energy|oil and gas|mining|environmental|laundry|dry cleaning|staffing"
    r"|florist|floral|tattoo|bridal|pet|grooming|golf|marina|recycling|waste|printing|print"
    r"|translation|security guard|private security|self-storage|car rental|rental"
    r"|urgent care|hearing|audiology|laboratory|seafood|produce|grocery|liquor"
    r"|convenience|hardware store|music|arts|theater|theatre|dance|martial arts|sports"
    # health, care and the trades the first lists missed: "a speech therapy group", "chiro
    # office", "collision repair shop", "a tire and auto repair garage"
    r"|therapy|massage|physiotherapy|chiro|podiatry|optical|eye care|vision|radiology"
    r"|dialysis|surgical|surgery|oral surgery|med spa|medspa|primary care|family medicine"
    r"|pediatrics|cardiology|oncology|fertility|addiction|treatment|residential treatment"
    r"|collision|collision repair|auto repair|auto body|body|tire|towing|car wash|detailing"
    r"|remodeling|restoration|excavation|paving|masonry|concrete|welding|millwork|cabinetry"
    r"|flooring|painting|tree|pool|septic|well drilling|machine|tool and die|sheet metal"
    r"|warehouse|cold storage|courier|delivery|bus|charter bus|coach|limo|limousine|taxi"
    r"|aviation|flight|driving|apartment|condo|condominium|housing"
    # public bodies and the places people gather: "volunteer fire department", "public
    # library district", "a tennis and swim club", "our campground"
    r"|library|fire|police|sheriff|ems|ambulance|public works|water|sewer|utility"
    r"|utilities|transit|parks|recreation|court|tribal|municipal|county|city|town|village"
    r"|township|camping|rv|tennis|swim|swimming|yacht|athletic|social"
    r"|rotary|lions|kiwanis|youth|senior|community|civic|cultural|historical|heritage"
    r"|catholic|lutheran|baptist|methodist|presbyterian|episcopal|christian|evangelical"
    r"|jewish|islamic|buddhist|hindu|sikh|bowling|cinema|ski|amusement|equestrian"
    r"|riding|horse|scout|scouting|summer camp|camp|bar|pub|brew|grain|feed|garden|lumber"
    r"|language|languages|adult day|after-school|afterschool|head start|early childhood"
    r"|steel|soccer|football|baseball|softball|hockey|basketball|volleyball|lacrosse|rugby"
    # shops, services and funds: "a clothing store", "a tree service", "a sign company"
    r"|gift|clothing|thrift|shoe|toy|pet supply|sporting goods|bike|bicycle|sign|signs"
    r"|packaging|meat|oil|recording|investigations|tour|tours|retirement|appraisal"
    r"|inspection|home inspection|trade|port|charter|private equity|venture capital"
    r"|hedge fund|pilates|learning|boarding|medical imaging|diagnostic imaging"
    r"|cricket|rowing|sailing|cycling|running|chess|book|hunting|fishing|shooting|gun"
    r"|\d+-(?:attorney|lawyer|doctor|physician|dentist|chair|bed|agent|broker|truck|driver"
    r"|store|location|branch|provider|teacher|student)s?"
)
# Kinds of organisation that only name a line of business with a sector before them.
_KIND_AFTER_SECTOR = (
    r"firms?|compan(?:y|ies)|offices?|practices?|agenc(?:y|ies)|groups?|business(?:es)?"
    r"|shops?|studios?|cent(?:er|re)s?|labs?|laborator(?:y|ies)|plants?|bureaus?"
    r"|consultanc(?:y|ies)|houses?|organi[sz]ations?|operations?|operators?|chains?"
    r"|franchise(?:e|s)?|locations?|providers?|partnerships?|cooperatives?|co-ops?"
    r"|associations?|brokerages?|outfits?|conglomerates?|corporations?|advisors?|advisers?"
    r"|advisory|services|contractors?|agents?|brokers?|consultants?|specialists?|teams?"
    r"|facilit(?:y|ies)|communit(?:y|ies)|networks?|systems?"
    # "library district", "fire department", "tennis and swim club", "transit authority"
    r"|districts?|departments?|authorit(?:y|ies)|clubs?|stations?|halls?|yards?|parks?"
    r"|garages?|homes?|complex(?:es)?|buildings?|properties|venues?|schools?|ministr(?:y|ies)"
    r"|societ(?:y|ies)|programs?|programmes?|service|stores?|parlou?rs?|councils?|boards?"
    r"|commissions?|courses?|processors?|packers?|installers?|elevators?|co"
)
# Kinds of organisation (and a few callings) that are outside IT on their own.
_KIND_ALONE = (
    r"restaurants?(?: groups?)?|hospitals?(?: groups?)?|medical cent(?:er|re)s?"
    r"|(?:\w+-)?hospital (?:systems?|groups?|networks?)"
    r"|health systems?|clinics?|pharmac(?:y|ies)|bakery|bakeries|caf[eé]s?|coffee shops?"
    r"|hotels?|motels?|inns?|resorts?|church(?:es)?|parish(?:es)?|diocese|congregations?"
    r"|synagogues?|mosques?|temples?|charit(?:y|ies)|non-?profits?|not-for-profits?"
    r"|foundations?|food banks?|food pantr(?:y|ies)|shelters?|schools?|school districts?"
    r"|academ(?:y|ies)|colleges?|universit(?:y|ies)|preschools?|daycares?|kindergartens?"
    r"|municipalit(?:y|ies)|towns?|townships?|cit(?:y|ies)|villages?|count(?:y|ies)"
    r"|boroughs?|librar(?:y|ies)|museums?|theat(?:er|re)s?|orchestras?|symphon(?:y|ies)"
    r"|operas?|ballets?|galler(?:y|ies)|zoos?|aquariums?|country clubs?|golf clubs?|marinas?"
    r"|call cent(?:er|re)s?|answering services?|chambers? of commerce|unions?|union locals?"
    r"|radio stations?|tv stations?|newspapers?|florists?|barbershops?|barber shops?"
    r"|nail salons?|law firms?|brokerages?"
    r"|dealerships?|car dealers?|auto dealers?|gyms?|salons?|spas?|funeral homes?"
    r"|mortuar(?:y|ies)|wineries|winery|breweries|brewery|distiller(?:y|ies)|farms?"
    r"|ranch(?:es)?|dair(?:y|ies)|manufacturers?|distributors?|wholesalers?|importers?"
    r"|exporters?|retailers?|boutiques?|credit unions?|banks?|3pls?|freight brokers?"
    r"|freight brokerages?|trucking compan(?:y|ies)|nursing homes?|assisted living"
    r"|hoas?|homeowners associations?|property managers?|landlords?|homebuilders?"
    r"|home builders?|general contractors?|photographers?|realtors?|accountants?"
    r"|attorneys?|lawyers?|dentists?|physicians?|doctors?|chiropractors?|veterinarians?"
    r"|pharmacists?|optometrists?|orthodontists?|bookkeepers?|cpas?|therapists?|pastors?"
    r"|priests?|teachers?|students?|journalists?|reporters?|plumbers?|electricians?"
    # "We're an optician's", "our campground", "a bed and breakfast", "our masjid"
    r"|opticians?(?:'s)?|optometry practices?|campgrounds?|rv parks?|bed and breakfasts?"
    r"|b&bs?|guest ?houses?|lodges?|hostels?|masjids?|gurdwaras?|chapels?|cathedrals?"
    r"|missions?|machine shops?|body shops?|garages?|foundr(?:y|ies)|sawmills?|quarr(?:y|ies)"
    r"|fabricators?|machinists?|print shops?|sign shops?|bars?|pubs?|taverns?|nightclubs?"
    r"|pizzerias?|pizza places?"
    r"|delis?|food trucks?|caterers?|supermarkets?|grocery stores?|garden cent(?:er|re)s?"
    r"|nurser(?:y|ies)|greenhouses?|feed stores?|hardware stores?|car washes|gas stations?"
    r"|truck stops?|laundromats?|dry cleaners?|tailors?|group homes?|halfway houses?"
    r"|airlines?|airports?|flight schools?|driving schools?|summer camps?|camps?"
    r"|fire (?:departments?|districts?|compan(?:y|ies)|halls?|stations?)"
    r"|police (?:departments?|stations?)|sheriff'?s? offices?|newsrooms?|magazines?"
    r"|publishers?|wedding venues?|event venues?|venues?|co-ops?|cooperatives?"
    r"|car wash|warehouses?|kennels?|cemeter(?:y|ies)|crematori(?:um|a|es)|crematory"
    r"|hospices?|(?:animal|pet|dog"
    r"|cat|horse) rescues?|imaging cent(?:er|re)s?|testing labs?|research labs?"
    r"|research cent(?:er|re)s?|orchards?|vineyards?|investigators?|casinos?"
    r"|bowling alleys?|escape rooms?|family offices?|hedge funds?|notar(?:y|ies)"
    r"|design studios?|design firms?|design agenc(?:y|ies)"
)
# A word describing an organisation ("small", "28-person", "family-run"), never an
# IT word: "a small law firm" is a line of business, "a law firm IT provider" not.
_NOT_IT = (
    r"(?!(?:it|msp|mssp|msps|tech|techs|technology|technologies|computer|computers"
    r"|network|networks|networking|cloud|cyber|cybersecurity|security|software|saas|data"
    r"|web|internet|telecom|telecommunications|voip|managed|hosting|helpdesk|help|desk"
    r"|var|reseller|integrator|solutions|systems|digital-transformation|former|ex|retired"
    r"|previous|that|who|which|with|for|to|of|in|on|at|by|from|need|needs|looking|want"
    r"|but|not|serving|focused|specializing|specialising|supporting|servicing|helping"
    r"|targeting|targetting|calling|reaching|chasing|pursuing|prospecting|after"
    r"|protecting|covering|our|my|your|their|clients?|a|an|the|this|these|those|every"
    r"|customers?|dell|microsoft|cisco|hp|lenovo|apple)(?![\w-]))"
)
_LOB_WORD = rf"{_NOT_IT}[\w&/'+.,-]+"
# What may follow a line of business only when it names someone else's, or an IT
# speciality: "law firm clients", "dental practice IT", "restaurant industry".
_LOB_END = (
    r"(?![ -](?:it|tech|technology|software|clients?|customers?|accounts?|owners?|managers?"
    r"|administrators?|industry|market|sector|vertical|niche|space|marketing|sales|vendors?"
    r"|partners?|networks?|security|cybersecurity|cloud|solutions|platforms?|prospects?"
    r"|leads?|targets?|contacts?|lists?)(?![\w-]))"
    # not someone's ("a law firm's IT"), not a compound ("church-focused"), not a past
    # ("an accountant by training", "a CPA turned IT consultant")
    r"(?!'|-\w| by (?:training|trade|background)| turned\b)"
)
_LINE_OF_BUSINESS = (
    rf"(?:{_LOB_WORD} ){{0,5}}?(?:(?:{_KIND_ALONE})(?: (?:office|offices|front office"
    rf"|business office|main office|administration|admin office))?|(?:{_SECTOR})"
    rf"(?:[ -]{_LOB_WORD}){{0,3}}?[ -](?:{_KIND_AFTER_SECTOR})){_LOB_END}"
)
# Who someone is at an organisation: "office manager", "executive director", "clerk".
_ROLE = (
    r"owners?|co-owners?|founders?|co-founders?|ceo|coo|cfo|president|vice president|vp"
    r"|partners?|managing partner|principal|director|manager|administrator|coordinator"
    r"|secretary|clerk|bookkeeper|controller|treasurer|chair|chairman|chairwoman|chairperson"
    r"|admin|office admin"
    r"|board member|trustee|pastor|rector|rabbi|imam|priest|minister|superintendent|dean"
    r"|head|officer|chief|captain|volunteer|receptionist|assistant|it coordinator"
    r"|it director|it manager|it administrator|it lead|technology coordinator"
    r"|technology director|network administrator|systems administrator"
)
# Places an organisation runs: "we run six restaurants", "we manage 2,400 apartment units".
_OWN_PLACES = (
    rf"{_LINE_OF_BUSINESS}|apartments?|(?:apartment |rental |housing )?units|properties"
    r"|buildings|communities|doors|rooms|beds|stores|branches(?= (?:and|across|in))"
)
_HOW_MANY = (
    r"(?:about |roughly |around |over |nearly |almost |some |more than |a total of )?"
    r"(?:\d[\d,]*\+?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen"
    r"|twenty|a dozen|dozens of|several|a few|multiple|a chain of|a group of|a couple of)"
)
# What organisations outside IT make or do: "we manufacture parts", "we prepare returns".
_TRADE_OBJECT = (
    r"solar|roofs?|roofing|homes|houses|furniture|food|meals|coffee|beer|wine|crowns"
    r"|dentures|parts|components|building materials|materials|tax returns|returns|payroll"
    r"|insurance|policies|real estate|freight|loads|cargo|goods|patients|students|children"
    r"|seniors|residents|families|policyholders|members|parishioners|pets|animals"
    r"|hvac|plumbing|landscaping|cleaning|flooring|cabinets|signs|uniforms|clothing"
    r"|extrusions|castings|moldings|fixtures|valves|pumps|trailers|boats|candles|soap"
    r"|cosmetics|jewelry|apparel|garments|textiles|paper|packaging|labels|chemicals"
    r"|coatings|paint|concrete|lumber|steel|glass|plastics|metal parts|signage"
    r"|bread|pastries|cakes|pizzas?|spirits|cheese|meat|crops|grain|cattle|eggs|milk|flowers"
    r"|plants|trees|lawns|pools|bridges|roads|tools|dies|machinery|vehicles|cars|trucks"
    r"|buses|engines|tires|doors|countertops|fences|decks|kitchens|bathrooms|teeth|glasses"
    r"|dogs|cats|horses|kids|babies|toddlers|teens|veterans|athletes|passengers|guests"
    r"|diners|visitors|campers|inmates|the homeless|the dead"
)
# Words after a trade's product that make it IT: "payroll software", "solar monitoring
# systems"; "we repair cars" is a trade, "we repair devices" is not.
_NOT_IT_TRADE = (
    r"(?![ -](?:software|it|technology|tech|systems?|solutions|clients?|customers?|companies"
    r"|businesses|firms|contractors|installers?|shops|agencies|industry|market|integrations?"
    r"|platforms?|apps?|hosting|support|networks?|portals?|data)(?![\w-]))"
)

# What a provider calls itself, and what it sells.
_VENDOR = (
    r"microsoft|dell|hp|hpe|lenovo|cisco|meraki|fortinet|sonicwall|ubiquiti|aruba|juniper"
    r"|vmware|veeam|datto|kaseya|connectwise|netapp|apple|sophos|sentinelone|crowdstrike"
    r"|barracuda|watchguard|palo alto|synology|ruckus|avaya|mitel|ringcentral|nutanix"
    r"|citrix|azure|aws|google workspace|office 365|microsoft 365|m365|intune"
)
_PROVIDER = (
    r"msp|mssp|var|it msp|managed (?:it |security |print )?services? provider"
    r"|managed (?:it|security) provider"
    r"|(?:it|tech|technology|computer|network) (?:services?|support|solutions?|consulting"
    r"|managed services) (?:provider|company|firm|business|shop|consultancy)"
    r"|(?:it|computer|technology|tech|network|cybersecurity|security) consultan(?:t|ts|cy)"
    r"|value[- ]added reseller|(?:it |hardware |software |microsoft |cisco |dell |technology )?"
    r"reseller|(?:it |technology )?solutions? provider|it provider|cloud (?:services )?provider"
    r"|(?:systems?|it|network|technology|av) integrator|(?:computer|pc|laptop) repair"
    r" (?:shop|business|company)|break[/-]fix (?:shop|company|business|provider|outfit)"
    r"|it company|it firm|it shop|it consultancy|msp company"
    rf"|(?:{_VENDOR})(?:[/ ](?:{_VENDOR}))*(?: gold| silver| certified| authorized| registered"
    r"| premier)? (?:partner|reseller)"
)
_PROVIDER_ADJ = (
    r"(?:(?!(?:need|needs|needing|looking|seeking|wanting|want|hiring|using|with|without"
    r"|and|but|that|who|which|for|of|in|a|an|the|to|our|my|their|your|from|by|at|on|about"
    r"|leaving|replacing|switching|firing|dropping|changing|choosing|interviewing"
    r"|evaluating|considering|paying|calling|done|tired|unhappy|frustrated|fed)(?!\w))"
    r"[\w/&'-]+ ){0,4}"
)
_OFFERING = (
    r"managed (?:it |security |print |cloud )?services|it (?:services|support|solutions"
    r"|consulting|managed services)|network(?:ing)? (?:services|solutions|support|installation)"
    r"|cloud (?:services|solutions|backup|hosting|migrations?)|cyber ?security(?: services"
    r"| solutions)?|help ?desk(?: services| support)?|backup (?:services|solutions)|voip"
    r"|(?:computer|pc) (?:repair|services|support)|technology (?:services|solutions)"
    r"|tech support|(?:it |tech |computer )?support and network(?:s|ing)?"
    rf"|(?:{_VENDOR}) (?:[\w-]+ )?(?:hardware|products|servers|licenses|licensing|solutions"
    r"|equipment|gear)"
)
_OFFER_GAP = (
    r"(?:(?!(?:need|needs|want|wants|looking|require|requires|but|our|my)(?!\w))"
    r"[\w/&'-]+ ){0,3}?"
)
# Words that make a price question ("rate" is often not ours: "success rate").
_RATE = (
    r"rate(?<!success rate)(?<!conversion rate)(?<!close rate)(?<!closing rate)"
    r"(?<!response rate)(?<!show rate)(?<!hit rate)(?<!booking rate)s?"
)
_PRICE_WORD = (rf"prices?|pricing|pricng|price list|{_RATE}|rate card|costs?|fees?|quotes?"
               r"|quotation|tarifs?|tariffs?|retainers?")
# "How much" asks a price, but not in "how much experience", "how much do you know" or
# "how much our clients depend on us".
_HOW_MUCH = (
    r"how much(?! (?:experience|time|notice|lead time|of|traffic|work|effort|volume"
    r"|training|data|longer|should we|can we|could we)(?!\w))(?! (?:do|does|did) (?:you"
    r"|your [\w'-]+|they) (?:know|understand|care|help|work|handle)(?!\w))"
    r"(?! (?:our|my|their|the|your|we|they|people) (?:[\w'-]+ ){0,2}?(?:depends?|rel(?:y|ies)"
    r"|leans?|counts?|needs?|trusts?|values?|cares?|loves?|hates?|appreciates?)(?!\w))"
)
# What a month or a campaign "runs": "roughly what does a typical month run?"
_RUNS = (r"(?:what|how much) (?:does|do|would|will) (?:[\w'-]+ ){0,4}?run(?: me| us)?"
         r"|what (?:this|that|it|they|[\w'-]+ (?:campaign|program|programme|package)) runs"
         r"(?! (?:on|in|into|over|through|out|for you))")
# "What's the number?" after or instead of a price question (not "what's the number to
# call"), and what a campaign would "set us back".
_WHATS_THE_NUMBER = (r"what(?:'s|s| is) the (?:rough |ballpark |real |actual )?(?:number|figure)"
                     r"(?! (?:to|for|i|we|of)(?!\w))")
_SETS_BACK = r"set (?:me|us) back"

# What a provider does to its clients' IT: "we install and manage their computers".
_LOOKS_AFTER = (
    r"install|manage|handle|support|maintain|monitor|run|look after|take care of|secure"
    r"|protect|back up|fix|repair|service|network|upgrade|replace|set up|host|patch|wire"
)
# A provider speaking of its work: "we", "our techs", "our help desk".
_OUR_PROVIDER_SUBJECT = (
    r"(?:we|i|our (?:team|techs|technicians|engineers|company|firm|help desk|noc))"
    r"(?: currently| now| already| proudly)? "
)
# After those a provider serves, nothing but IT: "40 businesses with managed IT", "our
# clients' networks" (not "200 clients with their payroll", "80 clients' bookkeeping").
_WITH_IT_ONLY = (
    rf"(?! (?:with|on|in|through) (?!(?:their |our |the )?(?:{_IT_THINGS}|it|managed|tech"
    rf"|technology|support|cyber|security|cloud|backups?|voip|microsoft|endpoints)\b)[\w-]+)"
    rf"(?!'s? (?!(?:{_IT_THINGS}|it|tech|technology|endpoints|users|staff|offices?)\b)[\w-]+)"
)
# The start of the message or of a sentence in it, for lists read over the whole text.
_CLAUSE_START = r"(?:^|(?<=[.!?;:] )|(?<=\n))\W*"

# Words a sentence may start with that are not the name of the sender's company.
_NOT_A_NAME = (
    r"(?!(?:our|my|their|the|a|an|this|that|these|those|every|each|any|all|we|i|you|they"
    r"|he|she|it)\b)"
)


# ---------------------------------------------------------------------------
# The phrase lists.  Each is configurable as CAPTURE_SCREEN_<NAME>.
# ---------------------------------------------------------------------------

#: A clause must speak for the sender's own organisation to count as its request.
FIRST_PERSON = (
    r"we", r"us", r"our", r"ours", r"ourselves", r"i", r"my", r"me", r"myself",
)

#: Words before (or right after) a quotation that make it someone else's speech: a
#: provider quoting what its clients or prospects say is still a provider.
OTHERS_SPEECH = (
    # "A client told me, 'we're looking for a provider...'", "Prospects tell us: '...'"
    r"clients?|customers?|prospects?|callers?|calls|buyers?|users?|patients?|tenants?",
    # "Every other business I speak to says '...'", "owners tell us '...'"
    r"business|businesses|compan(?:y|ies)|owners?|people|folks|everyone|everybody",
    # "The line we hear from them is '...'", "I hear the same line: '...'"
    r"(?:we|i) (?:hear|heard|get|got|keep hearing)|the (?:line|objection|question)s?"
    r"|objections?|hear|heard|hearing",
)

#: Words before a quotation that make it the sender's own people speaking, so a
#: request in it is the sender's ("Dr. O'Brien told me, 'find us an IT company'").
#: A quotation in the first person that is neither theirs nor named as someone
#: else's is read as someone else's: a provider quoting a typical client.
OWN_SPEAKERS = (
    # "my partner keeps saying", "our office manager asked", "the owner said"
    r"(?:my|our|the) (?:[\w'-]+ )?(?:boss|partners?|owners?|manager|doctor|dentist|ceo"
    r"|president|director|administrator|pastor|principal|husband|wife|board|team|staff"
    r"|accountant|attorney|lawyer)",
    # "Dr. O'Brien told me", "Father Tom said"
    r"(?:dr|doctor|father|pastor|reverend|rev|mr|mrs|ms)\.? [\w'-]+",
    # "we keep saying 'we need someone...'"
    r"(?:we|i) (?:keep |always |often |finally )?(?:say|said|saying|tell|told|ask|asked)",
)

#: The sender's own organisation or its own people as the subject of a request, read
#: from the words just before it (up to three more words may follow the subject):
#: the clause then speaks for the sender, even with no "we" in it.
OWN_SUBJECTS = (
    # "The board approved an RFP for", "our office manager wants", "Dr. Kim wants"
    r"(?:the|our|my) (?:[\w'-]+ ){0,2}?(?:board|management|leadership|owners?|partners"
    r"|director|ceo|cfo|cio|coo|administrator|principal|superintendent|doctor|dentist|pastor"
    r"|committee|council|office manager|practice manager|boss)",
    r"(?:dr|pastor|father|reverend)\.? [a-z]+",
    # "boss wants someone on call for when the email breaks"
    r"^\W*boss",
    # "The town hall needs IT support", "the school office needs new computers", "The
    # diocese is looking for an IT provider" (one organisation, not "the clinics")
    rf"the (?:{_LOB_WORD} ){{0,2}}?(?:(?:{_KIND_ALONE})|(?:{_SECTOR})[ -](?:{_KIND_AFTER_SECTOR}))"
    rf"(?<!s){_LOB_END}",
    r"the (?:practice|firm|clinic|office|agency|studio|shop|store|business|company"
    r"|organi[sz]ation)",
    # "our clinics need", "Our firm of 12 lawyers needs a new IT provider"
    rf"(?:our|my) (?:{_LOB_WORD} ){{0,2}}?(?:(?:{_KIND_ALONE})|(?:{_SECTOR})[ -]"
    rf"(?:{_KIND_AFTER_SECTOR})){_LOB_END}",
    r"(?:our|my) (?:firm|practice|office|team|company|group|staff|business|agency|clinic"
    r"|school|church|organi[sz]ation) of (?:about |around |over |some )?\d+(?: [\w-]+)?",
)

#: Who a request is for, read from the words just before it: someone else's
#: ("our clients need...", "they want...", "small businesses need...").
OTHER_PARTIES = (
    # "our clients need", "many of our customers want", "their patients need"
    r"clients?|customers?|prospects?|tenants?|patients?|users?|members?|guests?|buyers?"
    r"|students?|parents?|clientele|end[- ]users?",
    # "they need someone for the computers", "businesses that are looking for a provider",
    # "their underwriters want an IT provider", "nobody wants a server"
    r"they|he|she|you|them|those|these|that|(?<=\w )who|(?<=\w, )who|which|everyone"
    r"|everybody|nobody|no one|anyone|anybody|others?|people"
    r"|folks|their(?: [\w'-]+){1,3}",
    # the second verb of someone else: "they drive trucks and run grain elevators"
    r"(?:they|he|she) (?:[\w'-]+ ){1,4}(?:and|or)",
    # "Those companies choose a new managed IT partner", "a clinic needs", "every business"
    rf"(?:every|any|each|most|many|some|all|lots of|a lot of|plenty of|half of|those|these"
    rf"|the|such|other|their|one of the) (?:(?!our |my )[\w'-]+ ){{0,2}}?(?:{_ORGS}|{_PEOPLE})",
    rf"(?:every|any|each|a|an|another) (?:(?!our |my )[\w'-]+ ){{0,2}}?(?:{_ORG})",
    # "Small businesses need IT support", "Hospital groups are interviewing consultants",
    # "we want to reach medical practices looking for an IT company" (not "our two
    # dental offices need")
    rf"(?:^\W*(?:(?!our |my )[\w'-]+ ){{0,3}}|(?<![\w'-])(?:(?!our |my )[\w'-]+ ){{3}})"
    rf"(?:{_ORGS}|{_PEOPLE})",
    # any kind of organisation in the plural opening the clause: "Town halls need IT
    # support", "Fire departments are choosing MSPs" (not "The business needs")
    rf"^\W*(?:(?!our |my |the )[\w'-]+ ){{0,2}}(?:{_KIND_ALONE}|{_KIND_AFTER_SECTOR})"
    rf"(?:(?<=[^s]s)|(?<=es))",
)

#: The sender asks for IT services, an IT provider or IT help for its own organisation.
OWN_IT_REQUESTS = (
    # "we need IT support", "looking for an MSP", "our school needs new laptops"
    rf"(?:{_NEED}) {_BUY_GAP}(?:{_IT_HELPERS}|{_IT_THINGS}){_NOT_SOLD}",
    # "interviewing MSPs to take over", "choosing a new managed IT partner",
    # "evaluating managed service providers", "an RFP for a managed SOC provider"
    rf"(?:{_CHOOSE}) (?:(?:a|an|the|our|new|one|several|some|other|different|potential"
    rf"|prospective|outside|local|two|three|four|five|a few|\d+) )*(?:{_IT_HELPERS}"
    rf"|managed (?:[\w/&-]+ ){{0,4}}?(?:services|{_HELPER_NOUN})){_NOT_SOLD}",
    # "looking for someone to look after our computers", "we need a company for the
    # support of our computers", "wants one company that handles all of our IT"
    rf"(?:{_NEED}|{_CHOOSE})(?: (?:to )?(?:have|get|find|hire|bring in|bring on))? {_HELPER}"
    rf"{_HELPER_WHERE} (?:{_TASK} {_GAP}{{0,6}}?|for {_GAP}{{0,4}}?)"
    rf"(?:{_IT_THINGS}){_NOT_SOLD}",
    # "our case management system and the VPN need a new IT provider"
    rf"(?:our|my|the) {_OWN_THINGS_GAP}(?:{_IT_THINGS}) {_GAP}{{0,6}}?(?:need|needs|require"
    rf"|requires) (?:a |an |some |new |better |reliable |proper |regular )*(?:{_IT_HELPERS}"
    r"|someone|somebody|a company|help|attention|care|an expert|a professional|managing"
    r"|checkups?|check-ups?|tune-ups?|a look"
    r"|looking after|support|maintenance|servicing|an overhaul|work)",
    # "could your team take over IT support for our practice?", "can someone fix our
    # printer?"
    rf"(?:can|could|would|will) (?:you|your [\w-]+|you guys|someone|somebody) (?:come (?:in |out"
    rf" |over )?(?:and )?)?(?:{_LOOK_AFTER}) (?:our |my |the )?{_GAP}{{0,4}}?(?:{_IT_THINGS})"
    rf"{_NOT_SOLD}",
    # "do you provide IT support for small offices?", "a proposal for managed IT"
    rf"(?:(?:do|can|could|would|will) you (?:guys |folks )?(?:provide|offer|sell|install|fix"
    rf"|repair|set up|manage|support|handle|do|service|cover|work on|help with|look after"
    rf"|take care of)|(?:(?:send|email|give|share|prepare)(?: me| us)?"
    rf" (?:a |an |your |some )?)?(?:proposals?|quotes?|quotations?|estimates?|bids?|pricing))"
    rf" (?:for |on )?(?!(?:by|via|over|per|through|thru) )"
    rf"{_GAP}{{0,2}}?(?:(?:it|tech|computer|network|managed it"
    rf"|managed) (?:support|services?|help|management)|{_IT_THINGS}){_NOT_SOLD}",
    # "the cost of your IT support for 20 users", "details on your managed IT services":
    # an end user taking us for a provider
    rf"(?:cost|costs|price|prices|pricing|rates?|quotes?|details|info|information|fees?"
    rf"|brochure) (?:of|for|on|about) your (?:{_IT_HELPERS}){_NOT_SOLD}",
    # "price for monthly computer support?", "What do you charge per workstation per
    # month for managed IT?", "how much for someone to manage our gym's computers?",
    # "how much per seat?" (not "How much for IT companies like us?", "What do you
    # charge per appointment for managed IT prospects?", "how much does it cost per
    # month?": those price what we sell; nor "We price per workstation", "How much
    # revenue per seat do MSPs make?")
    rf"{_PRICE_OF}(?: per (?:{_IT_UNIT}|month|year|week|hour))*(?: for| to (?:have|get|hire"
    rf"|bring in))? (?:{_BUY_GAP}(?:(?:it|tech|technical|computer|network|pc|desktop|managed it"
    rf"|managed) (?:support|services?|help|management|maintenance|assistance)|managed it)"
    rf"|{_HELPER} {_TASK} {_GAP}{{0,6}}?(?:{_IT_THINGS})){_NOT_SOLD}",
    rf"(?:{_PRICE_OF}|(?:what(?:'s| is| are) )?(?:your|the) (?:price|cost|rate|fee|charge)s?)"
    rf"(?: per (?:month|year|week|hour))? per (?:{_IT_UNIT})(?!\w)",
    # "please contact me about IT support for our restaurant", "IT support for our three
    # offices is what we need" (not "IT support for our clients")
    rf"(?:{_IT_HELPERS}) (?:for|at|in|across) (?:all |both |each )?(?:of )?(?:our|my)"
    rf"(?= (?!own\b){_NOT_OWN})",
    # "We need a client portal and someone to manage our laptops", "plus someone on call
    # to fix my PCs"
    rf"(?:(?<=and )|(?<=plus )|(?<=also )|(?<=, )){_HELPER}(?: (?:local|reliable|on call"
    rf"|nearby))? {_TASK} "
    rf"{_GAP}{{0,4}}?(?:our|my) {_OWN_THINGS_GAP}(?:{_IT_THINGS}){_NOT_SOLD}",
    # "We need our station computers and the dispatch PC looked after", "I want a secure
    # portal set up and our laptops managed"
    rf"(?:{_NEED}|get|getting|have|having) (?:{_GAP}{{0,5}}?(?:and|plus) )?(?:all (?:of )?)?"
    rf"(?:our|my|the) "
    rf"{_OWN_THINGS_GAP}(?:{_IT_THINGS})"
    rf"{_NOT_SOLD},? {_GAP}{{0,10}}?(?:{_DONE})(?!\w)",
    # "we want to move all our files to the cloud"
    rf"(?<!we )(?<!i )(?:move|migrate|get|put) (?:all |all of |everything in )?(?:our|my) "
    rf"{_OWN_THINGS_GAP}(?:files|data|documents|email|e-mail|servers?|systems?|software)"
    r" (?:to|into|onto|in) (?:the cloud|microsoft 365|office 365|m365|sharepoint|onedrive"
    r"|google workspace|azure|aws)",
    # "can you help us with our network?", "outside help with our laptops"
    rf"(?:help|assist) (?:us|me) {_OWN_GAP}(?:{_IT_THINGS}){_NOT_SOLD}",
    rf"(?:help|assistance|support) (?:with|for|on) (?:our|my) {_GAP}{{0,5}}?(?:{_IT_THINGS})"
    rf"{_NOT_SOLD}",
    # "looking to outsource network monitoring and patching"
    rf"(?<=to )outsource (?:the |all |some )?{_GAP}{{0,2}}?(?:{_IT_THINGS}){_NOT_SOLD}",
    # "fix our computers", "outsource our IT", "replace my old server"; not a
    # statement such as "we replace our laptops every three years"
    rf"(?<!we )(?<!i )(?:{_REPAIR}) (?:up )?(?:our|my) (?!own ){_OWN_GAP}(?:{_IT_THINGS})"
    rf"{_NOT_SOLD}",
    # "we got hit by ransomware", "our office was hacked"
    r"(?:we|i|our [\w'-]+)(?:'ve| have| has)? (?:got|were|was|been|just got|just been)"
    r" (?:hit by (?:ransomware|malware|a virus)|hacked|infected|breached|compromised)",
    # "we don't have an IT person", "we have no IT department"
    r"(?:have no|don't have an?|don't have any|do not have an?|do not have any|lack an?|lack"
    r"|have never had an?|no) (?:in-house |internal |dedicated |full-time |real |our own )?"
    r"(?:it|tech|technical|computer) (?:person|people|staff|department|guy|team|help"
    r"|support)",
    # "unhappy with our current IT company", "we lost our IT person"
    rf"(?:unhappy|frustrated|fed up|dissatisfied|not happy|disappointed|done) with "
    rf"{_CURRENT_HELPER}",
    r"(?:lost|losing) (?:our|my|its|their) (?:[\w'-]+ )?(?:it (?:person|guy|manager|director"
    r"|staff|support)|computer guy|tech guy|technician|it department)",
    # "the IT is handled by our controller in his spare time"
    r"(?:the |our |my )?(?:it|computers|network|tech|technology) (?:is|are|gets|get) (?:all )?"
    r"(?:handled|managed|done|looked after|taken care of|run) by (?:our|my|the|a|one of our)"
    r" (?:[\w'-]+ ){0,2}?(?:controller|office manager|bookkeeper|receptionist|owner|son"
    r"|daughter|nephew|niece|volunteer|friend|husband|wife|accountant|doctor|partner|admin"
    r"|administrator|assistant|secretary|staff|employees?)|(?:done|handled) by (?:me|myself)",
    # "Our bookkeeper does the IT and she's overwhelmed"
    r"(?:our|my) (?:[\w'-]+ )?(?:controller|office manager|bookkeeper|receptionist|owner|son"
    r"|daughter|nephew|niece|volunteer|husband|wife|accountant|doctor|admin|administrator"
    r"|assistant|secretary) (?:does|handles|runs|manages|takes care of|looks after|is doing)"
    r" (?:all )?(?:the|our) (?:it|computers|network|tech|technology)(?! (?:sales|marketing"
    r"|billing|invoices|budget))",
    # "we're exploring outsourcing our network management"
    rf"outsourcing (?:of )?(?:our|my) {_OWN_GAP}(?:{_IT_THINGS}){_NOT_SOLD}",
    # "we want to replace our current MSP", "switching IT providers", "our company want
    # change the IT provider"
    rf"(?:replac(?:e|ing)|switch(?:ing)?|fir(?:e|ing)|chang(?:e|ing)|leav(?:e|ing)|dump(?:ing)?"
    rf"|ditch(?:ing)?|mov(?:e|ing) (?:away )?from) (?:from )?(?:{_CURRENT_HELPER}|the "
    rf"(?:current |actual |old |existing )?(?:msp|it (?:company|provider|firm|vendor"
    rf"|support)))",
    r"switch(?:ing)? (?:it|msp|tech support|computer support) (?:providers|companies"
    r"|vendors|firms)",
    # "our IT guy retired", "our in-house computer guy left", "our current provider
    # is not answering"
    rf"{_CURRENT_HELPER} (?:[\w'-]+ ){{0,3}}?(?:retired|quit|left|closed|went out of business"
    r"|moved away|is unresponsive|is not answering|isn't answering|is overwhelmed"
    r"|never (?:answers|responds|calls back|shows up)|doesn't (?:answer|respond|call back"
    r"|show up)|is too slow|is too expensive|dropped us|takes (?:days|weeks|forever))",
    # "our contract with our managed services provider ends in June", "before we renew
    # with our MSP" (not "our contract with our lead gen company ends": a provider changing
    # its marketing vendor)
    rf"(?:contract|agreement) with {_CURRENT_IT_HELPER} (?:[\w'-]+ ){{0,2}}?(?:ends|expires"
    r"|is up|runs out|is ending|is expiring|renews|comes up)"
    rf"|renew(?:ing)? (?:our |the )?(?:contract |agreement )?with {_CURRENT_IT_HELPER}",
    # "Our MSP just got bought and service went downhill", "our IT company's support has
    # gotten worse" (not "our MSP revenue went downhill": a provider's own business)
    rf"{_CURRENT_IT_HELPER}\b[^.;!?\n]{{0,60}}?\b(?:service|support|response(?: times?)?"
    r"|responsiveness) (?:[\w'-]+ ){0,2}?(?:went|has gone|have gone|is going|has been going"
    r"|keeps going|got|has gotten|have gotten|is getting|has got) (?:downhill|worse)",
    # "the vendor says we need to be on Windows 11", "we have to move to Microsoft 365"
    rf"(?:we|i) (?:need|have|must|got) to (?:be on|upgrade to|move to|get on|switch to"
    rf"|migrate to|go to) (?:{_VENDOR}|windows|microsoft 365|office 365|m365|the cloud)"
    rf"(?: (?:10|11|365|server))?(?!\w)",
    # "supplement our internal staff with a managed service partner" (an IT department
    # buying help; not "add a white-label helpdesk to our team")
    rf"(?:supplement|augment|complement|back ?fill|extend) (?:our |my |the )?(?:internal"
    rf"|in-house|existing) (?:it )?(?:staff|team|department|people|resources) with (?:an? )?"
    rf"(?:outside |external )?(?:{_IT_HELPERS}|managed (?:[\w/&-]+ ){{0,3}}?"
    rf"(?:services|{_HELPER_NOUN}))",
    # "how much do you charge to look after 12 computers at our bakery?", "what would it
    # cost to have you guys manage the computers in our leasing offices?"
    rf"(?:how much|what) (?:do|would|will|does) (?:you|it) (?:charge|cost|ask|want) (?:us |me )?"
    rf"to (?:have (?:you|you guys|your team|your company|someone) )?(?:{_LOOK_AFTER}) "
    rf"{_GAP}{{0,6}}?(?:{_IT_THINGS}){_NOT_SOLD}",
    # "we need help moving our patient x-rays to a new server", "we want help setting up
    # the new laptops"
    rf"(?:{_NEED}) (?:some |a little |urgent )?help (?:with )?(?:moving|migrating|setting up"
    rf"|installing|upgrading|replacing|securing|backing up|fixing|getting|switching|wiring"
    rf"|networking|connecting|cleaning up|imaging|deploying|configuring|enrolling|wiping"
    rf"|updating|patching) {_GAP}{{0,8}}?(?:{_IT_THINGS}){_NOT_SOLD}",
    # "price for installing a network printer and 2 pcs in my office?"
    rf"{_PRICE_OF} (?:installing|setting up|fixing|repairing|replacing|upgrading|configuring"
    rf"|moving|migrating|wiring|networking) {_GAP}{{0,3}}?(?:{_IT_THINGS}){_NOT_SOLD}",
)

#: A vague request for a helper ("someone to take care of all of it"), which counts
#: only with the sender's own organisation or its own IT named elsewhere.
VAGUE_REQUESTS = (
    # "looking for someone who can look after it all", "would like a company to
    # maintain all of this", "want one provider to manage all five gyms", "need a
    # local company to handle the rest", "need a company to take it over"
    rf"(?:{_NEED}|{_CHOOSE})(?: to (?:have|get|find|hire|bring in|bring on))? {_HELPER}"
    rf"{_HELPER_WHERE}(?:(?: {_TASK})? (?:{_VAGUE_OBJECT})"
    rf"| {_SPLIT_TASK})",
    # "Can someone help us?", "could anyone help?"
    r"(?:can|could|would) (?:someone|somebody|anyone|anybody|you|your team) (?:please )?help"
    r"(?: us| me)?(?= ?[?.!]|$)",
    # "can someone come today", "could you guys come by?"
    r"(?:can|could|would|will) (?:you|someone|somebody|anyone|anybody|you guys|your (?:team"
    r"|company|tech)) (?:please )?(?:come|stop|swing) ?(?:by|over|out|in|down)?(?: (?:today"
    r"|tomorrow|asap|this week|soon|now|here)){0,2}(?= ?[?.!]|$)",
    # "is this something you guys fix?", "you can repair?", "whos available"
    r"(?:is (?:this|that|it) )?something (?:you|u|your company|your team)(?: guys)?(?: (?:could"
    r"|can|would|might))? (?:fix|do|handle|repair|work on|help with|take care of|take on"
    r"|help us with)(?: for us)?(?= ?[?.!]|$)",
    r"you (?:can|could) (?:repair|fix|help|come|do (?:it|this|that))(?= ?[?.!]|$)",
    r"who(?:'s|s| is) available(?: (?:today|tomorrow|this week|to (?:come|help)))?(?= ?[?.!]|$)",
    # "pls we need help, ...", "we need a real fix not another reboot"
    r"(?:we|i) (?:really |urgently )?need (?:some |urgent )?help(?= ?[,.!?;]|$| asap"
    r"| urgently| please)",
    r"need (?:a |an )?(?:real |proper |permanent |lasting )?(?:fix|solution)(?! for)",
    # "can you send someone?", "could you send a tech out today?"
    r"(?:can|could|would|will) (?:you|your [\w-]+|you guys) (?:please )?send (?:someone|somebody"
    r"|a tech|a technician|a guy|a person)(?: (?:out|over|here|today|tomorrow|asap|now"
    r"|this week)){0,2}(?= ?[?.!]|$)",
    # "Can someone fix it?", "could you take care of this for us?"
    rf"(?:can|could|would) (?:you|your [\w-]+|you guys|someone|somebody) (?:come (?:in |out"
    rf" |over )?(?:and )?)?(?:{_LOOK_AFTER}) (?:{_VAGUE_OBJECT})",
    # "no one to manage them", "nobody handles the network"
    rf"(?:no one|no-one|nobody|noone)(?: here| in-house| on staff)? (?:to |(?:who )?(?:can"
    rf"|knows how to|is able to|has time to) )?(?:{_LOOK_AFTER})"
    r"(?! (?:outbound|sales|marketing|prospecting|cold calls?|cold calling|calls|follow-?ups?"
    r"|business development|biz ?dev|lead gen|new business)(?!\w))",
    # "Looking for a consultant.", "we would like someone reliable and local."
    rf"(?:{_NEED}) {_SOMEONE}(?: (?:local|reliable|nearby|dependable|here)(?: (?:and|&) "
    r"(?:local|reliable|nearby|dependable|trustworthy|responsive|affordable|honest))?)?"
    r"(?: (?:i|we) can (?:call|trust|rely on|count on))?(?: for (?:support|help|maintenance"
    r"|service|it|this|that|everything))?(?: (?:asap|urgently|today|now|quickly|soon))?"
    r"(?=\s*(?:[.!?;]|$))",
    # "We need it fixed.", "want all of this sorted out"
    rf"(?:{_NEED}) (?:{_VAGUE_OBJECT}|everything) (?:{_DONE})",
    # "everything is slow", "nothing works"
    rf"(?:everything|it all|all of it|the whole (?:thing|system|setup)) (?:is |keeps )?"
    rf"(?:{_BROKEN})|nothing (?:works|is working)",
    # "Can someone set it all up?", "who could take this over?"
    rf"(?:can|could|will|would) (?:you|your [\w-]+|you guys|someone|somebody|anyone|anybody)"
    rf" {_SPLIT_TASK}|(?<![\w,] )who (?:can|could|will|would) {_SPLIT_TASK}",
    # "need help with all that", "we'd like some help with it"
    rf"(?:{_NEED}) (?:some |a little |a lot of )?help (?:with|on) (?:{_VAGUE_OBJECT})",
    # "What would a monthly support plan cost?", "a call to discuss a service contract"
    r"(?:(?:what|how much) (?:would|does|do|will|is|are|might)|need|want|discuss|about|sign"
    r"|get|interested in|looking for|quote (?:for|on)|price (?:for|of)|cost of) (?:a |an |the "
    r"|your )?(?:[\w-]+ ){0,2}?(?:support|service|maintenance) (?:plan|contract|agreement"
    r"|package)s?",
    # "what would monthly support cost for a 20 person office?"
    r"(?:what|how much) (?:would|does|do|will|is|might) (?:a |an |the )?(?:monthly |ongoing "
    r"|basic |full |regular )?(?:it |tech |computer |network )?(?:support|maintenance)"
    r" (?:cost|costs|run|be)(?!\w)",
    # "please help us with this"
    r"(?:help|assist) (?:us|me) with (?:this|that|it|all of (?:this|it))",
    # "We need an upgrade.", "we'd like a full refresh"
    r"(?:need|want|would like|we'd like|i'd like|looking for|could use) (?:an? |some )?"
    r"(?:full |complete |proper |major )?(?:upgrade|overhaul|refresh|tune-up|makeover"
    r"|clean-up|cleanup)(?=\s*(?:[.!?;]|$))",
    # "who can do that for us?"
    rf"(?<![\w,] )who (?:can|could|will|would) (?:{_LOOK_AFTER}) (?:{_VAGUE_OBJECT})",
)

#: The sender's own IT, named or in trouble, which makes a vague request an IT one.
OWN_IT_CONTEXT = (
    # "our office still has no backup", "we have no antivirus"
    r"(?:we|i|our [\w'-]+) (?:still )?(?:have|has|got) no (?:[\w'-]+ )?(?:backups?|antivirus"
    r"|firewall|server|wifi|wi-fi|email|it person|it support|tech support)",
    # "a gentleman named Ron took care of all our computers"
    rf"(?:took|used to take|has taken|had taken) care of (?:all )?(?:of )?(?:our|my) "
    rf"(?:{_IT_THINGS})",
    # "my cousin fixed it before but he is in Vietnam now", "our nephew did it until he moved"
    r"(?:my|our) (?:cousin|nephew|niece|son|daughter|brother|sister|friend|husband|wife"
    r"|neighbou?r|uncle|aunt|brother-in-law|son-in-law|dad|father|mom|mother) (?:used to )?"
    r"(?:fix|fixed|fixes|do|did|does|set up|sets up|handle|handled|handles|look after"
    r"|looked after|looks after|take care of|took care of|takes care of)",
    # "We're switching from Google to Microsoft", "moving our email to Microsoft 365"
    rf"(?:switch|switching|moving|migrating|changing|going) (?:over )?(?:(?:our|my) [\w'-]+ )?"
    rf"(?:from (?:[\w'-]+ ){{1,3}})?to (?:{_VENDOR}|gmail|g suite|outlook|exchange|the cloud)",
    # "Our client files are stored on old computers", "we run on an aging server"
    rf"(?:on|with|using|running) (?:an? |our |my |the |some )?(?:very |really )?(?:old|ancient"
    rf"|aging|ageing|outdated|obsolete|slow|dying|donated|used) (?:[\w'-]+ )?(?:{_IT_THINGS})",
    # "our cyber insurance requires MFA", "our auditor flagged it"
    r"(?:our|my) (?:cyber ?(?:security )?)?(?:insurer|insurance(?: carrier| company)?|carrier"
    r"|auditors?|examiners?|regulators?|compliance officer|bank) (?:now )?(?:requires?"
    r"|wants?|says|asks? for|flagged|demands?|is requiring|is asking for|insists on)",
    # "we have 5 computers, the copier and the wifi", "we have six computers and an old server"
    rf"(?:we|i) (?:have|got|use|run|own) (?:about |around |over |only |just |roughly )?"
    rf"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a few|several|some|an?"
    rf"|a couple of) (?:[\w'-]+ ){{0,3}}?(?:{_IT_THINGS})",
    # "our office has 6 computers and a server"
    rf"(?:our|my) (?:[\w'-]+ ){{0,2}}?(?:has|have) (?:about |around |over |only |just )?"
    rf"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|a few|several|some|an?)"
    rf" (?:[\w'-]+ ){{0,3}}?(?:{_IT_THINGS})",
    # "problems with the front desk computers", "guests complain about the wifi"
    rf"(?:problems?|issues?|trouble|troubles|complaints?|complain(?:s|ing)?) (?:with|for|about"
    rf"|on) (?:the |our |my )?(?:[\w'-]+ ){{0,3}}?(?:{_IT_THINGS})",
    # "the clinic PCs and the Wi-Fi are constantly giving us trouble", "the booking
    # computer is very slow"
    rf"(?:our|my|the) (?:[\w'/&-]+ ){{0,3}}?(?:{_IT_THINGS}) (?:[\w'/&,-]+ ){{0,8}}?"
    rf"(?:{_BROKEN}|never works?|(?:is|are) (?:very |really |so |too )?(?:old|unreliable))",
    # the same with the article left out: "tasting room POS keeps freezing", "computer in
    # the shop keeps getting viruses" (not "Client servers keep crashing", "Servers at our
    # clients keep crashing")
    rf"{_CLAUSE_START}(?!(?:their|his|her|your|a|an|every|each|any|some|most|many|all"
    rf"|clients?|customers?|users?|prospects?)\b){_OWN_THINGS_GAP}(?:{_IT_THINGS}) {_GAP}{{0,8}}?"
    rf"(?:{_BROKEN})",
)

#: The sender describes its own organisation, in a line of business other than IT:
#: the strongest evidence there is that it is not a provider, whatever box it ticked.
OWN_LINE_OF_BUSINESS = (
    # "we're a civil engineering firm of 28", "I run a small HR and payroll consulting
    # firm", "we are home health care agency", "I work at a law firm"
    rf"(?:we are|we're|we r|i am|i'm|im|i run|we run|i own|we own|i operate|we operate"
    rf"|i manage|i (?:work|volunteer) (?:at|for|with)|our (?:company|business|organi[sz]ation"
    rf"|firm|practice) is) (?:a |an |the |one )?(?:(?:group|chain|family|network|collective)"
    rf" of (?:\w+ )?)?{_LINE_OF_BUSINESS}",
    # "We are company of transport", "we are a clinic of physiotherapy", "we have a school
    # of languages"
    rf"(?:we are|we're|we r|i am|i'm|our company is|my company is|we have) (?:a |an |the )?"
    rf"(?:{_LOB_WORD} )?(?:company|firm|office|agency|business|school|clinic|shop|store|center"
    rf"|centre|organi[sz]ation|society|studio|practice) (?:of|for) (?:{_SECTOR})"
    rf"(?! (?:clients?|customers?|companies|businesses|firms)\b)",
    # "We have a daycare with 40 kids" (not "we have a law firm in Boston as a client")
    rf"(?:we|i) have (?:a|an) {_LINE_OF_BUSINESS}(?! (?:that|which|who|we|i)\b)"
    r"(?![^.;!?\n]*\b(?:as (?:a |an |our )?(?:clients?|customers?|accounts?)|(?:clients?"
    r"|customers?|accounts?) (?:of ours|we|that we)|we (?:support|serve|manage))\b)",
    # "I'm the owner of a landscaping company", "Executive director of a synagogue here.",
    # "I'm the IT manager at a hospital" (not "I'm the IT partner for a dental practice")
    rf"(?:(?:i'm|i am|we're|we are) |^\W*)(?:the |an? )?(?:{_NOT_IT}[\w'-]+ ){{0,2}}?"
    rf"(?:{_ROLE}) (?:of|at|for|with) (?:a |an |the |our |my )?{_LINE_OF_BUSINESS}",
    # "I'm the only IT person for the sheriff's office", "I'm the in-house tech at a law
    # firm" (not "I'm the IT guy for a dental practice", nor "I'm the only IT person for
    # three dental offices": a consultant and its clients)
    rf"(?:i'm|i am|we're|we are) (?:the |an? )?(?:only|sole|lone|in-house|internal"
    r"|one-person|one-man|one-woman|full-time|part-time)(?: [\w'-]+)? (?:it|tech|technology"
    r"|computer|network|systems)(?: (?:person|guy|gal|staff|team|department|dept|tech"
    r"|technician|admin|administrator|support|help|lead))? (?:of|at|for|with|in) (?:a |an |the"
    rf" |our |my )?{_LINE_OF_BUSINESS}(?<!s)",
    # "I'm a desktop support tech at a health system", "I am a systems technician with the
    # City of Lakemont" (not "I'm the IT guy for a dental practice": a consultant)
    rf"(?:i'm|i am) (?:a|an|the|one of the) (?:[\w'/-]+ ){{0,3}}?(?:tech|techs|technician"
    rf"|technicians|admin|administrator|engineer|analyst|specialist|lead|coordinator)"
    rf" (?:at|with) (?:a|an|the) {_LINE_OF_BUSINESS}",
    # "Restaurant owner here", "Dental office manager, two locations." (not "Former
    # restaurant owner here, now running an MSP")
    rf"^\W*{_NOT_A_NAME}(?:{_LOB_WORD} ){{0,3}}?(?:{_KIND_ALONE}|{_SECTOR})"
    rf"(?: (?:{_KIND_AFTER_SECTOR}))? (?:{_ROLE})(?= here\b|\s*(?:[,.:;]|$)| - )",
    # "I work in the clerk's office for a small town", "I volunteer on the front desk
    # of an animal shelter"
    rf"(?:i|we) (?:work|volunteer|help out) (?:in|at|for|with|on) (?:the |our |a |an )?"
    rf"(?:{_NOT_IT}[\w'-]+ ){{0,3}}?(?:office|department|front desk|admin|administration"
    rf"|team|kitchen|desk) (?:for|of|at|in) (?:a |an |the |our |my )?{_LINE_OF_BUSINESS}",
    rf"(?:running|owning|operating|managing) (?:a |an )(?:{_HOW_MANY} )?{_LINE_OF_BUSINESS}",
    # "As a hospital group, we...", "as an accounting firm ourselves"
    rf"(?:^\W*|, )as (?:a|an) {_LINE_OF_BUSINESS}",
    # "We work with 50 clinics as a medical billing company" (not "we started out as a
    # bookkeeping firm", "I worked for years as a dental office manager")
    rf"(?:we|i) (?:(?!(?:started|start|began|used|were|was|spent|worked|grew|moved|came"
    rf"|originally|once|see|saw|think|thought)\b)[\w'-]+ ){{1,8}}?as (?:a|an) {_LINE_OF_BUSINESS}",
    # "ClearPath is a medical billing company", "Oak Hill Academy is a private school"
    rf"^\W*{_NOT_A_NAME}(?:(?!(?:clients?|customers?|prospects?|one|some|many|most)\b)"
    rf"[\w&.'-]+ ){{1,5}}?(?:is|are) (?:a|an|one of the) {_LINE_OF_BUSINESS}",
    # "I am the general manager of The Larkspur, a boutique hotel"
    rf"(?:i'm|i am) (?:the |an? )?(?:[\w&.'-]+ ){{0,3}}?(?:of|at|for) (?:[\w&.'-]+ ){{0,3}}?"
    rf"[\w&.'-]+, (?:a|an) {_LINE_OF_BUSINESS}",
    # "General contractor here.", "Small dental office, 8 of us.", "Independent
    # pharmacy with 2 locations.", "Family-run funeral home, third generation." (not
    # "Hotel, restaurant and bar owners are who we want to meet": a list of trades)
    rf"^(?!\s*[-*\u2022])\W*{_NOT_A_NAME}{_LINE_OF_BUSINESS}(?<!s)(?: of [\w'.-]+(?: [\w'.-]+)?"
    rf"(?= here\b))?(?=\s*(?:[,.!(:]|$| here\b| with {_HOW_MANY}\b| w/| w {_HOW_MANY}\b| - "
    r"| with (?:about|over|around|only|just) | of \d| in [a-z]| looking| since| based))"
    rf"(?!,? (?:(?!\d){_LOB_WORD} ){{0,2}}?(?:{_KIND_ALONE})(?:,| and | or | &))",
    # "We run six Italian restaurants", "Lakeshore operates three hospitals", "we
    # manage roughly 2,400 apartment units" (not "we manage 30 clinics as clients")
    rf"(?:run|runs|own|owns|operate|operates|manage|manages) {_HOW_MANY} "
    rf"(?:{_LOB_WORD} ){{0,3}}?(?:{_OWN_PLACES})(?![^.;!?\n]*\b(?:(?:as|our|their) (?:clients?"
    r"|customers?)|under management|on contract|on retainer)\b)",
    # "We manufacture injection-molded parts", "we distribute building materials"
    rf"(?:manufactur|fabricat|distribut)(?:e|es)(?= (?!(?:{_IT_THINGS}|it|tech|computer"
    rf"|hardware|electronics)(?!\w))\w)",
    # "SunPeak installs residential solar", "we run payroll for businesses", "we serve
    # 400 families" (not "we serve schools' students with Chromebooks")
    rf"(?:install|installs|build|builds|sell|sells|serve|serves|run|runs|care for|cares for"
    rf"|make|makes|do|does|provide|provides|offer|offers) (?:{_LOB_WORD} ){{0,3}}?"
    rf"(?:{_TRADE_OBJECT}){_NOT_IT_TRADE}(?![^.;!?\n]*(?<!\w)(?:{_IT_THINGS}|it|tech|cloud"
    rf"|devices?)(?!\w))",
    # "We prepare returns for 1,200 clients", "My firm files about 400 returns a season,
    # and this year our server died", "We machine aerospace parts"
    rf"(?:prepare|prepares|file|files|treat|treats|teach|teaches|insure|insures|bake|bakes"
    rf"|brew|brews|roast|roasts|grow|grows|haul|hauls|ship|ships|import|imports|export"
    rf"|exports|machine|machines|weld|welds|fabricate|fabricates|mill|mills|assemble"
    rf"|assembles|see|sees|house|houses|transport|transports|tutor|tutors|groom|grooms"
    rf"|board|boards|bury|buries|feed|feeds|shelter|shelters|repair|repairs|tow|tows|coach"
    rf"|coaches|train|trains"
    rf"|deliver|delivers) (?:{_LOB_WORD} ){{0,3}}?(?:{_TRADE_OBJECT}){_NOT_IT_TRADE}"
    rf"(?![^.;!?\n,]*(?<!\w)(?:{_IT_THINGS}|it|tech|cloud|devices?)(?!\w))",
    # "our 3 locations serve about 900 covers a night", "we see 40 patients a day", "we close
    # about 60 loans a month"
    rf"(?:serve|serves|see|sees|treat|treats|teach|teaches|feed|feeds|house|houses|close"
    rf"|closes|fund|funds|originate|originates) {_HOW_MANY} (?:covers|meals|guests|diners"
    rf"|patients|students|kids|children|residents|members|families|customers|loans"
    rf"|mortgages|files|closings) (?:a|per|each|every) (?:day|night|week|month|year|shift"
    rf"|season)",
    # "Our company is doing the import of kitchen appliance"
    r"(?:our company|we) (?:is|are) doing (?:the )?(?:import|export|trading|distribution"
    r"|manufacturing|construction|transport|cleaning|catering)",
    r"(?:represent|represents) (?:[\w'-]+ ){0,2}?(?:clients|families|employers|buyers"
    r"|sellers|tenants|landlords|the injured)(?= in)",
)

#: Weaker signs of the sender's own organisation outside IT ("our church", "our
#: patients"); they only count together with a request for help.
OWN_ORGANISATION_HINTS = (
    # "our church", "my salon", "our district", "our dental practice"
    rf"(?:our|my) (?:{_LOB_WORD} ){{0,2}}?(?:{_KIND_ALONE}){_LOB_END}",
    rf"(?:our|my) (?:{_LOB_WORD} ){{0,2}}?(?:{_SECTOR})(?:[ -]{_LOB_WORD}){{0,2}}?[ -]"
    rf"(?:{_KIND_AFTER_SECTOR}){_LOB_END}",
    r"(?:our|my) (?:district|brokerage|practice|parish|congregation|ministry|stores?|factory"
    r"|factories|plants?|warehouses?|campus|showroom)",
    # "our museum's collections database", "our youth soccer club's laptop"
    rf"(?:our|my) (?:{_LOB_WORD} ){{0,2}}?(?:(?:{_KIND_ALONE})|(?:{_SECTOR})[ -]"
    rf"(?:{_KIND_AFTER_SECTOR}))'s?(?!\w)",
    # the people it serves: "our patients", "our passengers", "my congregants"; and its
    # own staff: "our attorneys", "our caregivers", "our dispatchers", "my front desk staff"
    rf"(?:our|my) (?:{_NOT_IT}[\w-]+ |\d+ )?(?:patients|tenants|residents|students|parents"
    r"|guests|donors|parishioners|congregants|members|passengers|riders|listeners|viewers"
    r"|readers|subscribers|patrons|diners|visitors|campers|athletes|players|families"
    r"|taxpayers|citizens|constituents|inmates|policyholders|borrowers|homeowners|retirees"
    r"|seniors|children|kids|pupils|learners|alumni|fans|shoppers|worshippers|attendees"
    r"|attorneys|lawyers|paralegals|doctors|dentists|physicians|surgeons|veterinarians|vets"
    r"|nurses|nurses' stations|caregivers|therapists|teachers|hygienists|pharmacists"
    r"|stylists|chefs|cooks|drivers|realtors|accountants|bookkeepers|volunteers|clinicians"
    r"|underwriters|adjusters|loan officers|case managers|cashiers|tellers|front desk(?: staff)?"
    r"|receptionists?|dispatchers|estimators|superintendents|foremen|crews?|crew leads"
    r"|mechanics|machinists|welders|trainers|instructors|coaches|faculty|professors"
    r"|librarians|clerks|deputies|firefighters|paramedics|bartenders|housekeepers"
    r"|advisors|advisers|preparers|agents in the field|leasing agents|property managers"
    r"|sales associates|editors|reporters|journalists|architects|surveyors|inspectors)",
    # "Receptionist here", "I'm the practice manager", "Pastor Dan", "Dr. Patel wants"
    r"(?:receptionist|practice manager|front desk|church secretary|parish secretary"
    r"|school secretary) here|(?:i'm|i am) (?:the |a |an )?(?:receptionist|practice manager"
    r"|church secretary|parish secretary|school secretary|pastor|head of administration"
    r"|executive director|superintendent)|(?:pastor|father|reverend|rev\.|dr\.?) [a-z]+",
)

#: The places an organisation works in, named as the sender's own ("the plant floor",
#: "the parish office"): weaker still than a hint, as a provider names its clients'
#: places the same way; they only back a vague request.
OWN_WORKPLACES = (
    # "the parish office", "the school", "the town hall", "the vet clinic's server"
    rf"the (?:{_LOB_WORD} ){{0,2}}?(?:{_KIND_ALONE})(?:{_LOB_END}|'s?(?!\w))",
    # "the plant floor", "the congregation", "the waiting room"
    r"the (?:[\w'-]+ )?(?:plant floor|shop floor|production floor|sales floor|warehouse"
    r"|loading dock|showroom|service bays?|service lane|kitchen|dining room|front desk"
    r"|front office|back office|waiting room|exam rooms?|treatment rooms?|operatories"
    r"|nurses'? stations?|pharmacy counter|pro shop|tasting room|taproom|dispatch office"
    r"|leasing office|fuel dock|scale house|sanctuary|fellowship hall|parish hall|classrooms?"
    r"|computer lab|newsroom|congregation|clubhouse|front of house|back of house"
    r"|checkout|lobby|reception desk|bays|garage|barn|greenhouse|pharmacy|branch(?:es)?)",
)

#: The sender's own IT in trouble, told without asking ("The office computer is
#: ancient", "our wifi doesn't reach the hall"); it counts as a request only beside the
#: sender's own organisation (``OWN_LINE_OF_BUSINESS`` or ``OWN_ORGANISATION_HINTS``):
#: a provider tells its clients' troubles the same way.
OWN_IT_TROUBLES = (
    # "The office computer is ancient", "the card reader keeps failing" (not "our own
    # office network needs an upgrade")
    rf"(?:the|our|my) (?!own )(?:[\w'/&-]+ ){{0,3}}?(?:{_IT_THINGS}){_NOT_SOLD}"
    rf"(?: (?:[\w'/&,-]+ ){{0,6}}?| )(?:{_BROKEN})",
)

#: The sender's own IT is broken: as good as a request for help, unless the sender
#: wants what we sell and names no other line of business ("Our office had a power
#: outage and our phones were down ... We want to grow from 60 clients to 100").
OWN_IT_BROKEN = (
    # "our printers keep failing", "my PC won't turn on", "our email server went down"
    # (not "our own office network needs an upgrade": a provider setting its own IT
    # beside its clients')
    rf"(?:our|my) (?!own ){_OWN_THINGS_GAP}(?:{_IT_THINGS}){_NOT_SOLD} (?:[\w'-]+ ){{0,3}}?"
    rf"(?:{_BROKEN})",
)

#: The clause is about those the sender serves, so a request in it is theirs: a
#: provider talks about its clients' servers all day.
CLIENT_CONTEXT = (
    # "Alarm installers refer their customers to us when the recorder needs a network"
    r"refer(?:s|red|ring)? (?:[\w'-]+ ){0,3}?to (?:us|me)(?!\w)"
    r"|(?:send|sends|sent) (?:us|me) (?:their )?(?:customers|clients|referrals)",
    # "we support 40 dental offices", "we manage networks for law firms"
    rf"(?:we|i) (?:support|serve|service|manage|help|work with|look after|take care of"
    rf"|protect|monitor|maintain|partner with) (?!our |my |us |me |ourselves )"
    rf"(?:[\w'-]+ ){{0,3}}?(?:{_ORGS}|networks|servers|endpoints|devices|seats)",
    # "we do IT support for dental offices" (but not "for our two offices", "for the
    # leasing offices", nor "do you provide IT support for small offices?")
    rf"(?:we|i|our|us)\b[^.!?;]*?\bfor (?!our |my |the |both |all |each |every |two |three "
    rf"|several |multiple |\d)(?:[\w'-]+ ){{0,2}}?(?:{_ORGS})",
    # "IT support for our clients", "a technician we can subcontract for our clients" (not
    # "we handle insurance for our clients", "we install cabinets for customers", nor
    # "wifi for customers": what an end user does for, or offers, its own customers)
    rf"(?!(?:wi-?fi|internet|kiosks?|tablets?|portal|website|app|phones?)\b)(?:{_IT_THINGS}"
    rf"|it|support|services?|solutions|help ?desk|noc|soc|monitoring|tickets|managed [\w-]+"
    rf"|tech|technology|techs|technicians?|engineers?|onsite|on-site|escalations|after-hours"
    rf"|coverage|calls|patching|backups?)(?!\w) (?:[\w'-]+ ){{0,4}}?for (?:our |my )?"
    rf"(?:clients|customers|end[- ]users)",
    # "a help desk to support our clients after hours", "a white-label NOC"
    r"(?:support|serve|help|look after|take care of|cover|answer) (?:for )?(?:our|my) "
    r"(?:clients|customers|end[- ]users)|white[- ]label(?:ed)?",
    # "a clinic we support needs a new server", "the practices we work with all need"
    r"(?:we|i) (?:work with|support|serve|look after|take care of) (?:all |both |also |often "
    r"|usually |mostly )?(?:needs?|has|have|is|are|wants?|just|recently)",
)

#: The word model (``capture.screening_model``) is asked only about a message that
#: names some IT thing, and that does not speak of what we sell: a sender who wants
#: appointments, a campaign or leads is buying our service, which only a provider does.
IT_THINGS = (
    # "the printer", "our wifi", "the x-ray workstation", "email" (not "the calling,
    # the follow-up and the booking")
    _IT_THINGS,
)
OUR_SERVICE_WORDS = (
    # "a partner to set meetings for our backup service", "fill our pipeline", "4
    # appointments a month", "a calling campaign" (not "the booking computer is slow")
    r"appointments|appts|(?:set|book|booking|setting|more|first) (?:[\w'-]+ )?meetings"
    r"|campaigns?|leads|prospects|pipeline|telemarketing|cold[ -]?call(?:s|ing)?",
    # "grow from 60 clients to 100", "get in front of 10-50 seat businesses" (not "we
    # are losing clients")
    r"(?:grow|growing|more|new|win|land|sign|add|adding) (?:[\w'-]+ ){0,3}?clients"
    r"|get in front of",
)

#: The sender plainly says it is a provider; then its text never screens it out.
PROVIDER_SELF_DESCRIPTIONS = (
    # "we're a 12-person MSP", "I am an independent IT consultant", "as a VAR", "we've
    # been an MSP since 2009"
    rf"(?:we are|we're|i am|i'm|as|being|i run|we run|i own|we own|i started|we started"
    rf"|we've been|we have been|i've been|i have been"
    rf"|i founded|we founded|i built|we built|our (?:company|business|firm) is"
    rf"|(?:and|also|now|but) (?:also |now )?(?:run|own|running|owning|started|founded))"
    rf" (?:a |an |the |my |our )?{_PROVIDER_ADJ}(?:{_PROVIDER})"
    rf"(?! (?:customers?|clients?|users?)(?!\w))",
    # "I'm the 'computer guy' for most of the businesses here", "we're the tech team
    # behind about 20 car dealerships", "we're the outsourced IT for 45 practices"
    rf"(?:we are|we're|i am|i'm|we've been|i've been) (?:the|their) (?:[\w'-]+ ){{0,2}}?['\"]?"
    rf"(?:it|tech|technology|computer|network)(?: (?:team|department|dept|partner|guys?"
    rf"|people|person|folks|crew|support|help))?['\"]? (?:for|behind|to) (?:{_HOW_MANY}"
    rf"|most|many|all|some|half|hundreds)",
    # "We're a two-person shop supporting medical offices" (not "a cleaning company
    # supporting hospitals": a trade before the noun)
    rf"(?:we are|we're|i am|i'm) (?:a |an )?(?:(?!(?:{_SECTOR})\b)[\w'-]+ )?(?:shop|team"
    rf"|crew|outfit|company|firm|business) (?:supporting|looking after|taking care of)"
    rf" (?!our |my )(?:[\w'-]+ ){{0,3}}?(?:{_ORGS})",
    # "We install and manage their computers", "we handle their networks"
    rf"(?:we|i) (?:also )?(?:{_LOOKS_AFTER})(?: and (?:{_LOOKS_AFTER}))? their "
    rf"(?:[\w'/-]+ ){{0,2}}?(?:{_IT_THINGS})",
    # "My firm keeps 40 CPA practices running", "60+ churches served"
    rf"(?:we|i|my (?:firm|company|team|business|shop)|our (?:team|firm|company|techs|shop))"
    rf" (?:[\w'-]+ )?keeps? {_HOW_MANY} (?:[\w'-]+ ){{0,3}}?(?:{_ORGS}|{_PEOPLE}|clients"
    rf"|customers) (?:running|up|online|working|secure|safe|protected|patched)",
    rf"{_HOW_MANY} (?:[\w'-]+ ){{0,2}}?(?:{_ORGS}|clients|customers) (?:served|supported"
    rf"|under (?:contract|management))",
    # "Break/fix and managed services for dentists, vets and optometrists." (not "IT
    # support for our offices")
    rf"{_CLAUSE_START}(?:(?!(?:do|does|can|could|would|will|you|we|i|need|needs|want|wants"
    rf"|looking|seeking|require|requires|provide|offer|for|about)\b)[\w/&'-]+ (?:and |& )?)"
    rf"{{0,3}}?(?:managed (?:it |security )?services"
    rf"|managed it|it (?:support|services)|break[/-]fix|tech support|computer support"
    rf"|help ?desk(?: services)?|network(?:ing)? (?:installs?|installation)) (?:for|to)"
    rf" (?!(?:our|my|us|me|the|both|all|each|every|\d+|two|three|four|five|several) )"
    rf"(?:[\w'-]+,? (?:and |& )?){{0,4}}?(?:{_ORGS}|{_PEOPLE})",
    # "now we sell the same design to clients", "We now sell failover to clients", "we
    # sell redundancy to every client" (not "we sell insurance to our clients")
    rf"(?:we|i) (?:now |also |then |just )?(?:sell|resell|offer|package|deliver|deploy"
    rf"|install|implement|roll out) (?:[\w'-]+ ){{0,3}}?(?:{_IT_THINGS}|failover|redundancy"
    rf"|backup|migrations?|(?:same|whole) (?:[\w'-]+ )?(?:design|setup|stack|migration"
    rf"|package|offering)) (?:[\w'-]+ ){{0,2}}?(?:to|for) (?:our |my |every |all |each |other "
    rf"|more |new |existing )?(?:clients?|customers?)(?!\w)",
    # "built a security practice around it", "launched a managed backup offering"
    r"(?:built|started|launched|grew|added) (?:a|an|our) (?:[\w'-]+ )?(?:security|cybersecurity"
    r"|managed services|managed|it|backup|cloud|voip|email-security|msp) (?:practice|offering"
    r"|business|division|arm|service|services)",
    # "We repair computers and laptops for machine shops", "I set up printers for
    # dental offices", "we look after the CNC PCs and networks for a dozen machine
    # shops", "most of our day is fixing front desk PCs for nail salons" (not "we fix
    # computers for our staff", "I fix the laptop for the school")
    rf"(?:we|i|our (?:day|days|job|work|team|techs?)(?: is| are)?(?: mostly| mainly| spent)?)"
    rf" (?:also |mostly |mainly |just )?(?:{_verb_forms(*_LOOKS_AFTER.split('|'))})"
    rf" (?:[\w'-]+ ){{0,4}}?(?:{_IT_THINGS})(?:,? (?:and|&) (?:[\w'-]+ ){{0,2}}?"
    rf"(?:{_IT_THINGS}))? for (?!(?:our|my|us|me|the|this|that|his|her|its|their) )"
    rf"(?:[\w'-]+ ){{0,3}}?(?:{_ORGS}|{_PEOPLE}|clients|customers|[\w'-]+s)(?!\w)",
    # "We network plant floors", "we wire offices and warehouses"
    r"(?:we|i) (?:network|wire|cable)(?: and [\w-]+)?(?= (?!with |our |my |us |me )\w)",
    # "MedBridge is a healthcare-focused VAR", "Continental is an IT consulting firm"
    rf"^\W*{_NOT_A_NAME}(?:[\w&.'-]+ ){{1,4}}(?:is|are) (?:a |an )?{_PROVIDER_ADJ}"
    rf"(?:{_PROVIDER})(?! (?:customers?|clients?|users?)(?!\w))",
    # "we're the people dentists call when the xray pc freezes"
    r"(?:we're|we are|i'm|i am) the (?:people|ones|guys|folks|company|team|person|guy|one)"
    r" (?:[\w'-]+ ){1,3}?call(?:s)? (?:when|if|whenever)",
    # "Dental labs are a weird little niche and we own it", "clinics are our niche", "our
    # niche is law firms"
    r"niche (?:and|that|which) (?:we|i) (?:own|serve|dominate|support|know|cover)"
    r"|(?:is|are) (?:our|my) (?:[\w'-]+ )?niche|(?:our|my) niche (?:is|are)",
    # "I manage the education team at a large reseller", "I work with a 20-person MSP"
    # (not "I work for a hospital and we need a VAR")
    rf"(?:i|we) (?:work|manage|run|lead|head|sell)(?: (?!(?:is|are|was|were|am|not|unhappy"
    rf"|happy|frustrated|done|fed|tired|need|needs|want|wants|looking)(?!\w))[\w'/-]+){{0,8}}?"
    rf" (?:at|with) (?:a|an) {_PROVIDER_ADJ}(?:{_PROVIDER})(?! (?:customers?|clients?|users?)"
    rf"(?!\w))",
    # "Small MSP, 7 of us.", "Independent IT consultant, just me."
    rf"{_CLAUSE_START}{_PROVIDER_ADJ}(?:{_PROVIDER})(?=\s*(?:[,.(:]|$| here\b| with| in"
    rf"| based| of| - | for (?!our |my |us |me )))",
    # "we provide managed IT services", "we sell and support Dell hardware", "Caduceus IT
    # provides managed services to clinics", "we do support and networks"
    rf"(?:(?:we|i) (?:provide|offer|deliver|sell|resell|install|implement|specialize in"
    rf"|specialise in|focus on|do)|^\W*{_NOT_A_NAME}(?:[\w&.'-]+ ){{1,3}}(?:provides|offers"
    rf"|delivers|sells|resells)) {_OFFER_GAP}(?:{_OFFERING})",
    # "we resell Dell, HP and Cisco", "we stock Fortinet and Lenovo"
    rf"(?:we|i) (?:sell|resell|stock|distribute|deploy|implement)(?: and (?:support|install"
    rf"|deploy|service|implement))? (?:{_VENDOR})",
    # "we specialise in IT for restaurant groups", "we consult for small law firms"
    r"(?:we|i) (?:specialize|specialise|focus) (?:in|on) (?:[\w'-]+ ){0,2}?(?:it|managed"
    r"|network|networks|cyber ?security|cloud|tech|technology)(?!\w)",
    r"(?:we|i) consult (?:for|with)",
    # "our MSP business", "our managed services clients", "our NOC"
    r"our (?:msp (?:business|company|practice|firm|clients|customers)|it (?:services|support"
    r"|consulting|solutions) (?:business|company|firm|practice|clients|customers)"
    r"|managed services (?:business|company|practice|clients|customers|agreements|contracts"
    r"|offering|revenue|plans?|model|arm)|consultancy|reseller business|help ?desk (?:team"
    r"|techs|technicians|engineers)|noc|soc)",
    # "like every MSP", "like most IT companies"
    rf"(?:like|as with|unlike) (?:every|any|most|many|all|other|most other|a lot of) (?:other )?"
    rf"(?:{_PROVIDER}|it companies|it firms|it providers|it shops)(?:s|'s|s')?",
    # "more clients for our managed services"
    r"(?:clients|customers) for our (?:managed services|it services|msp|it support)",
    # "help desk for our clients", "IT support to our customers"
    r"(?:(?:it|tech|technical|help ?desk|managed|network|cloud|computer) (?:support|services"
    r"|solutions)|help ?desk) (?:for|to) (?:our |my )?(?:clients|customers)",
    # "we support over 40 dental offices", "Vanguard supports over 1,200 clients", "we
    # serve 40 clinics" (not "we need an IT company to support three offices", nor "we
    # serve 300 clients a week at our salon": anyone serves clients; nor "we support 200
    # clients with their payroll", "we take care of 80 clients' bookkeeping")
    rf"(?:{_OUR_PROVIDER_SUBJECT}(?:support|manage|look after|take care of|monitor|protect"
    rf"|maintain)|(?<!that )(?<!who )(?<!which )(?:supports|manages|looks after|takes care of"
    rf"|monitors|protects|maintains)) {_HOW_MANY} (?:[\w'-]+ ){{0,2}}?(?:clients|{_ORGS}"
    rf"|endpoints|devices|seats|networks|servers){_WITH_IT_ONLY}",
    rf"(?:{_OUR_PROVIDER_SUBJECT}(?:serve|service)|(?<!that )(?<!who )(?<!which )(?:serves"
    rf"|services)) {_HOW_MANY} (?:[\w'-]+ ){{0,2}}?(?:{_ORGS}|endpoints|devices|seats"
    rf"|networks|servers){_WITH_IT_ONLY}",
    # "we support freight brokers and trucking companies", "we look after 30 churches"
    rf"(?:we|i) (?:support|look after|take care of|protect|service) (?!our |my |us |me )"
    rf"(?:[\w'-]+ ){{0,4}}?(?:{_ORGS}){_WITH_IT_ONLY}",
    # "we manage IT for small businesses", "we look after the IT for 30 churches"
    rf"(?:we|i) (?:manage|support|monitor|maintain|secure|handle|run|look after|take care of"
    rf"|do|provide|deliver) (?:the |all the )?(?:[\w'-]+ )?(?:networks|servers|it|it systems"
    rf"|infrastructure"
    rf"|endpoints|devices|backups|wi-fi|wifi) (?:[\w'-]+ ){{0,3}}?for (?:[\w'-]+ ){{0,3}}?"
    rf"(?:{_ORGS}|clients|customers|communities)",
)

#: Words that make a fragment of a message about price.
PRICE_TERMS = (
    _HOW_MUCH, _PRICE_WORD, r"priced", r"costing", r"(?<!in )charges?", r"ballpark", _RUNS,
    r"discounts?", r"(?:monthly |minimum |total )spend", r"budget",
    r"minimum monthly|minimums?",
    r"investment(?! firm| company| advis)", r"what(?:'s|s| is) the damage",
    r"per[ -](?:hour|month|appointment|appt|set appointment|lead|call|meeting|day|week)",
    r"expensive", r"cheap(?:er|est)?", r"affordable",
    # "do you have packages and what do they run", "is the monthly fixed or does it go up
    # with volume?"
    r"packages|tiers", r"the monthly(?! (?:meeting|report|call|check))",
    r"go(?:es)? up with (?:volume|usage|the number)|scales? with volume",
    # "what does that come to in dollars?", "a per-appointment bonus on top?", "what
    # would we pay in CAD?", "retainer?", "what are you charging"
    r"in (?:dollars|usd|cad|euros?|pounds|gbp|aud)", r"come to", r"bonus(?:es)?",
    r"pay(?:ing)?", r"charging",
    # the fragment "and what are they" after "Are your rates per hour or flat monthly,"
    r"^\W*(?:and )?what (?:are|is) (?:they|those|these|it)\W*$",
    # "what's the actual number?" after a price question (not "your phone number")
    _WHATS_THE_NUMBER, _SETS_BACK,
    r"(?:actual|real|exact|rough|final|total|monthly|ballpark|dollar) (?:number|figure"
    r"|amount)s?|bottom line",
)

#: A clause that asks for our price.
PRICE_ASKS = (
    # "how much do you charge?", "how much per hour?" (not "how much experience", "how
    # much do you know about VoIP?")
    _HOW_MUCH,
    # "what's your price?", "whats the cost", "what does it cost", "what are your rates?"
    rf"what(?:'s|s| is| are| does| do| would| will| kind of| sort of)(?: [\w'-]+){{0,4}}"
    rf" (?:{_PRICE_WORD}|charges?|charging)",
    # "what you charge", "roughly what does a typical month run?", "I was wondering what
    # your rates look like", "curious what the cost would be"
    r"what (?:you|y'all|u)(?:'d| would| will| guys)? (?:charge|bill|ask)", _RUNS,
    # "whats the minimum monthly?"
    r"(?:what(?:'s|s| is) )?(?:the |your )?minimums?(?: (?:monthly|spend|commitment|budget"
    r"|contract|order|price|cost|fee))?(?= ?\?)",
    # "whats the cheapest package u have"
    r"cheapest (?:package|plan|option|tier|campaign|deal|price|rate)",
    rf"what (?:your|the) (?:[\w'-]+ )?(?:{_PRICE_WORD})",
    # "send me your pricing", "please email a price list"
    rf"(?:send|give|tell|email|e-mail|share|forward|quote|show|advise|let (?:me|us) know)"
    rf" (?:[\w'-]+ ){{0,3}}?"
    rf"(?:{_PRICE_WORD}|charges)",
    # "Give me a number for a 6-month campaign" (not "give me a number to call")
    r"(?:give|send|tell|quote) (?:me|us) (?:a |the |your )?(?:rough |ballpark |round )?"
    r"(?:number|figure)(?! to call)",
    # "Retainer or per meeting?", "monthly or per appointment?", "Retainer or pay per
    # appointment?"
    r"(?:retainer|flat(?: fee| rate)?|monthly|per[ -][\w-]+) or (?:a )?(?:pay |paid )?"
    r"(?:retainer|flat(?: fee| rate)?|monthly|per[ -][\w-]+)(?: [\w'-]+){0,3} ?\?",
    # "is there a setup fee", "Minimum commitment in dollars?"
    rf"is there (?:a|an|any) (?:[\w'-]+ )?(?:charges?|deposit|minimum|{_PRICE_WORD})",
    r"minimum (?:commitment|spend|contract|term) in (?:dollars|usd|cad|euros?|pounds)",
    # "curious what a campaign like the one in the tortoise article would cost", "what
    # does that come to", "what would we pay in CAD?", "do you have a price list"
    r"what (?:[\w'-]+ ){1,10}?(?:would|will|might|could|does|do) (?:it |that |this |they )?"
    r"cost",
    r"what (?:does|would|will) (?:that|it|this|the total) come to",
    r"what (?:would|will|do|does|should) (?:we|i) (?:pay|be paying|spend|be spending"
    r"|be looking at)",
    rf"(?:do|does) (?:you|y'all|u)(?: guys)? have (?:a |an |any )?(?:{_PRICE_WORD})",
    # "Ballpark cost for a campaign?", "pricing for 3 months?"
    rf"(?:{_PRICE_WORD})(?: [\w'-]+){{0,12}} ?\?",
    # "price list please", "pricing info please", "please send pricing"
    rf"(?:{_PRICE_WORD})(?: (?:info|information|details|sheet|list|breakdown|guide))?"
    rf" (?:please|pls|plz)",
    rf"(?:please|pls|plz) (?:[\w'-]+ ){{0,3}}?(?:{_PRICE_WORD})",
    # "please revert with the commercials" (Indian English: the price terms)
    rf"revert (?:back )?with (?:[\w'-]+ ){{0,3}}?(?:{_PRICE_WORD}|commercials)",
    # "I'd like a quote", "interested in pricing", "just want to know your prices"
    rf"(?<!n't )(?<!not )(?:need|needs|want|wants|would like|we'd like|i'd like|looking for"
    rf"|interested in|request|requests|requesting|get|getting|know|see|hear|check)"
    rf" (?:a |an |the |your |some )?"
    rf"(?:{_PRICE_WORD}|estimate|ballpark|(?:rough )?(?:number|figure)(?! of))",
    # "What kind of investment are we talking about?", "what's the damage?", "What
    # budget do we need for a campaign?", "What's the minimum spend?"
    r"what(?:'s|s| is| kind of| sort of)? (?:the |your )?(?:[\w-]+ )?(?:investment|damage"
    r"|spend)(?! firm| company| advis)",
    r"what (?:kind of |sort of )?budget (?:do|would|should|will) (?:we|i) need",
    # "what would 20 qualified appointments set me back?", "Budget needed?", "Which prices
    # do you have for appointment setting?", "What's the number?" (not "what's the number
    # to call")
    rf"what (?:would|will|does|do) (?:[\w'-]+ ){{0,5}}?{_SETS_BACK}",
    r"(?:budget|spend|investment) (?:needed|required)",
    rf"which (?:[\w'-]+ )?(?:{_PRICE_WORD})",
    _WHATS_THE_NUMBER,
    # "just curious about pricing", "a question about your fees"
    rf"(?:curious|wondering|asking|inquiring|enquiring|question) (?:about|on|regarding)"
    rf" (?:[\w'-]+ ){{0,2}}?(?:{_PRICE_WORD})",
    # "do you charge by the hour?", "how does your pricing work?", "ballpark?"
    r"(?:do|would|will|can) you (?:[\w'-]+ )?charge",
    r"how (?:do|does|would) (?:you|your [\w'-]+) (?:charge|price|bill)",
    r"how (?:does|is) (?:your |the )?(?:pricing|price|cost) (?:work|structured|calculated"
    r"|determined)",
    r"ballpark",
    # "Is your pricing per hour or per appointment?", "are the fees monthly?"
    rf"(?:is|are) (?:your|the) (?:{_PRICE_WORD})",
)

#: The sender talks about its own prices ("our prices are competitive").
OWN_PRICE_MENTIONS = (
    rf"our (?:[\w'-]+ ){{0,3}}?(?:{_PRICE_WORD})",
    r"(?:we|i) (?:charge|bill|price|sell|resell|invoice)",
    r"(?:we've|we have|i've|i have) (?:[\w'-]+ )?(?:raised|lowered|increased|cut|changed)",
)

#: Anything else a message may ask for, which makes it more than a price question.
OTHER_REQUESTS = (
    r"(?:schedule|book|arrange|set up|setup|have|hop on|jump on|get on) (?:a |an )?"
    r"(?:[\w'-]+ )?(?:call|meeting|chat|demo|conversation|consultation|zoom|appointment)"
    r"(?! setting)",
    r"call (?:me|us|back)", r"give (?:me|us) a (?:call|ring)",
    # a visit is a meeting: "come onsite for a walk-through", "set up a time for you to
    # come see the place", "a site visit"
    r"(?:come|stop|drop|swing) (?:by|in|out|over|on-?site|on site|see|visit)",
    r"walk-?through|walk around|site (?:visit|survey|walk)|(?:on-?site|in-person) (?:visit"
    r"|meeting|assessment)",
    r"(?:schedule|book|arrange|set up|setup|find|pick) (?:a )?(?:good )?time",
    r"(?:talk|speak|chat|meet)(?: with| to)? (?:you|someone|one of|your)",
    r"(?:can|could|shall|should) we (?:talk|speak|chat|meet|discuss|set up|schedule|start|get)",
    r"let's (?:talk|chat|meet|discuss|set up|schedule)",
    r"get in touch", r"reach out", r"contact (?:me|us)",
    r"proposal", r"demo", r"case stud(?:y|ies)", r"references?", r"testimonials?",
    r"samples?", r"examples?", r"scripts?", r"brochure|overview",
    # asking for information, not telling of it ("asked me to collect information")
    r"(?:send|email|e-mail|share|give|provide|forward|get) (?:me |us )?(?:some |more |any |the "
    r"|your )?(?:information|info|details)(?! (?:on|about|of) (?:your )?(?:pric|cost|rate|fee))"
    r"|(?:more|further|additional) (?:information|info|details)"
    r"|(?<!price )(?<!pricing )(?<!cost )(?<!rate )(?<!rates )(?:information|info|details)"
    r" (?:please|\?)",
    r"^\W*(?:install|installation|set (?:it|them) up)(?: (?:it|them|this|everything))?\W*$",
    # (not "tell me what your rates are", which asks the price)
    r"learn more", r"explain",
    r"tell (?:me|us) (?:more|about|how(?! much)|which|who"
    r"|what(?! (?:your |the )?(?:[\w'-]+ )?(?:pric|cost|rate|fee|charge)))",
    # "understand how the handoff works", "to discuss a campaign" (not "how your pricing
    # works", "discuss your rates": those ask the price)
    r"understand how",
    r"discuss(?:ing)?(?= (?!(?:your |the )?(?:pric|cost|rate|fee)))",
    # "can you target credit unions?", "how does your targeting work" (not "we're targeting
    # clinics", "a 90 day program targeting healthcare practices": that names what is priced)
    r"(?<!we )(?<!i )(?<!program )(?<!programme )(?<!campaign )(?<!campaigns )target(?:s|ed)?"
    r"|(?:your|the|about|how|on|what|which) targeting|targeting (?:options|criteria|works"
    r"|process|data|lists?)",
    # (not "how much per appointment with a decision maker?": that names what is priced)
    r"(?<!with )(?<!with a )(?<!with the )decision[ -]makers?",
    r"availability|available",
    r"start(?:ing)? (?:date|next|in|on|soon)", r"contract (?:terms?|length)",
    r"minimum (?:term|commitment|contract)(?! in (?:dollars|usd|cad|euros?|pounds))",
    r"guarantee[sd]?",
    # "and whether your team can log activity in our Salesforce", and the fragment "if you
    # have callers who speak Portuguese" left after the price and also (not "whether you
    # charge per appointment", "if you have a rate card, send it")
    rf"(?:whether|^\W*if) (?:you|y'all|your [\w'-]+)(?: [\w'-]+)? (?:can|could|will|would"
    rf"|are able|have|do|does|offer|work|cover)(?! (?:a |an |any |your |the )?(?:charge|bill"
    rf"|{_PRICE_WORD}|packages))",
    r"calendar (?:link|invite)|booking link|calendly",
    r"(?:times?|slots?) (?:[\w'-]+ ){0,3}?for a (?:call|meeting|chat|demo)",
    r"^\W*if (?:you've|you have|y'all have) (?:ever |already )?(?:worked|done|served|called"
    r"|helped|had)",
    # "which industries do your callers have the most success with", with no question mark
    rf"which (?!(?:[\w'-]+ )?(?:{_PRICE_WORD}))(?:[\w'-]+ ){{1,3}}?(?:do|does|did|have|has|are|is"
    rf"|can|would) (?:you|your)\b",
    r"(?:what|which|expected|typical|your|average) results|results\?",
    # (not "do you have a price sheet?", which asks our price)
    rf"(?<!prices )(?<!rates )(?<!fees )(?<!costs )(?<!packages )"
    rf"do you (?:work|offer|provide|have(?! (?:a |an |any |your )?(?:{_PRICE_WORD}"
    rf"|packages|tiers))|handle"
    r"|cover|serve|do|use|specialize|specialise)",
    # "how many appointments does a campaign produce?" asks about results
    r"how many(?! (?:dollars|bucks)(?!\w))",
)

#: Greetings that look like questions but ask for nothing ("Hi, how are you?").
PLEASANTRIES = (
    r"how are you(?: doing)?(?: today)?", r"how's it going", r"how are things",
    r"how have you been", r"what's up", r"hope (?:you're|you are|all is|this finds you)"
    r" (?:well|good|doing well)",
    r"what an? (?:great|nice|good|helpful|useful|interesting|awesome) [\w' -]+",
)
