"""The words screening reads: vocabulary, then the phrase lists built from it.

Kept apart from ``capture.screening`` so the rules fit on a screen and the
words can be read (and reviewed) on their own.  Every phrase list is a tuple
of regular expressions, configurable as ``CAPTURE_SCREEN_<NAME>``; each entry
carries an example of what it catches.  Matching is case-insensitive, on text
whose curly quotes and dashes were made straight, and an entry only matches
whole words (see ``capture.screening``).  Pure Python: no imports.
"""

# ---------------------------------------------------------------------------
# Vocabulary the phrase lists below are built from.
# ---------------------------------------------------------------------------

# Organisations a provider serves; in the plural they are nearly always someone
# else's ("we support dental offices"), while an end user says "our office".
_ORGS = (
    r"businesses|companies|organi[sz]ations|offices|firms|practices|clinics|schools"
    r"|hospitals|non-?profits|churches|restaurants|hotels|manufacturers|dealerships"
    r"|retailers|smbs|smes|agencies|contractors|municipalities|business owners"
)

# What an end user says it needs, wants or is looking for.
_NEED = (
    r"need|needs|needed|needing|looking for|look for|searching for|seeking|want|wants"
    r"|would like|we'd like|i'd like|require|requires|in need of|interested in|hire|hiring"
    r"|to find|find us|find me|could use|shopping for|quote|quote us|quote me"
)
# Small words allowed between the need and the thing: "need a reliable ...".
_BUY_GAP = (
    r"(?:(?:a|an|some|the|new|better|reliable|affordable|local|outside|outsourced|dedicated"
    r"|good|proper|ongoing|professional|full-time|part-time|regular|quick|urgent|onsite"
    r"|on-site|remote|experienced|our|my|help|with|from|for|quotes?|on|setting|up|getting"
    r"|own|office|dell|hp|lenovo|apple|\d+) )*"
)
# IT equipment and services an organisation has; "it" only after our/my, never
# the pronoun ("can you help us with it?").
_IT_THINGS = (
    r"(?<=our )it|(?<=my )it|computers?|pcs?|laptops?|desktops?|workstations?"
    r"|network(?:ing)?|servers?|e-?mail|printers?|copiers?|wi-?fi|wireless|internet"
    r"|firewalls?|routers?|backups?|phone system|pos system|point of sale system"
    r"|office 365|microsoft 365|m365|outlook|passwords?|viruse?s?|malware|ransomware"
    r"|cyber ?security|security|systems?"
)
# People and firms an end user hires for its IT.
_IT_HELPERS = (
    r"(?:it|tech|technical|technology|computer|network|pc) (?:support|services?|help|helpdesk"
    r"|help desk|solutions?|consulting|assistance|management|outsourcing|repairs?)"
    r"(?: services| support)?(?: (?:company|companies|firm|provider|partner|team|person|guy))?"
    r"|(?:it|tech|computer|network) (?:company|companies|firm|provider|partner|person|people"
    r"|guy|consultant|department)"
    r"|msps?|managed service providers?|managed services? provider"
    r"|managed (?:it|services)(?: services| support)?"
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
)
# Small words between "our" / "help us" and the equipment: "help us set up our new".
_OWN_GAP = (
    r"(?:(?:us|me|out|with|to|fix|fixing|set|setting|up|move|moving|migrate|migrating"
    r"|upgrade|upgrading|replace|replacing|secure|securing|protect|back|install|installing"
    r"|troubleshoot|get|getting|our|my|the|a|an|new|some|all|both|old|aging|ageing|office"
    r"|main|company|business|work|shared|whole|entire|own|slow|broken|current|existing"
    r"|\d+) )*"
)
# Jobs an end user asks done to its IT: "fix our", "someone to manage our".
_REPAIR = (
    r"fix|repair|troubleshoot|set up|setup|upgrade|replace|secure|sort out|clean up"
    r"|look at|take a look at|migrate|move|outsource|take over"
)
_LOOK_AFTER = rf"{_REPAIR}|manage|maintain|handle|take care of|install|monitor|back up|support"
# How people say their IT is in trouble: "our server is down".
_BROKEN = (
    r"down|broken|failing|failed|fails|crashing|crashed|crashes|slow|hacked|infected"
    r"|offline|dying|dead|outdated|unreliable|a mess|acting up|not working|stopped working"
    r"|freezing|froze|glitching"
    r"|(?:won't|wont|will not|can't|cannot|doesn't|does not|isn't|is not|aren't|don't)"
    r" (?:work|working|connect|print|boot|start|turn on|sync)"
    r"|keeps? (?:failing|crashing|dropping|freezing|going down|disconnecting|breaking)"
    r"|needs? (?:replacing|replacement|to be replaced|upgrading|an upgrade|fixing|help|repair)"
)
_CURRENT_HELPER = (
    r"(?:our|my) (?:current |old |existing |previous )?"
    r"(?:msp|it (?:company|provider|guy|person|firm|consultant|vendor)|computer guy|tech guy)"
)

# What a provider calls itself, and what it sells.
_PROVIDER = (
    r"msp|mssp|var|it msp|managed (?:it |security |print )?services? provider"
    r"|managed (?:it|security) provider"
    r"|(?:it|tech|technology|computer|network) (?:services?|support|solutions?|consulting"
    r"|managed services) (?:provider|company|firm|business|shop|consultancy)"
    r"|(?:it|computer|technology|tech|network|cybersecurity|security) consultan(?:t|ts|cy)"
    r"|value[- ]added reseller|(?:it |hardware |software |microsoft |cisco |dell |technology )?"
    r"reseller|(?:it |technology )?solutions? provider|it provider|cloud (?:services )?provider"
    r"|systems integrator|(?:computer|pc|laptop) repair (?:shop|business|company)"
    r"|it company|it firm|it shop"
)
_PROVIDER_ADJ = (
    r"(?:(?!(?:need|needs|needing|looking|seeking|wanting|want|hiring|using|with|without"
    r"|and|but|that|who|which|for|of|in|a|an|the|to)(?!\w))[\w/&'-]+ ){0,4}"
)
_OFFERING = (
    r"managed (?:it |security |print |cloud )?services|it (?:services|support|solutions"
    r"|consulting|managed services)|network(?:ing)? (?:services|solutions|support|installation)"
    r"|cloud (?:services|solutions|backup|hosting|migrations?)|cyber ?security(?: services"
    r"| solutions)?|help ?desk(?: services| support)?|backup (?:services|solutions)|voip"
    r"|(?:computer|pc) (?:repair|services|support)|technology (?:services|solutions)"
    r"|tech support|(?:dell|hp|lenovo|cisco|microsoft|fortinet|sonicwall|meraki)"
    r" (?:[\w-]+ )?(?:hardware|products|servers|licenses|solutions|equipment)"
)
_OFFER_GAP = (
    r"(?:(?!(?:need|needs|want|wants|looking|require|requires|but|our|my)(?!\w))"
    r"[\w/&'-]+ ){0,3}?"
)

# Words that make a price question ("rate" is often not ours: "success rate").
_RATE = (
    r"(?<!success )(?<!conversion )(?<!close )(?<!closing )(?<!response )(?<!show )"
    r"(?<!hit )(?<!booking )rates?"
)
_PRICE_WORD = rf"prices?|pricing|price list|{_RATE}|rate card|costs?|fees?|quotes?|quotation"


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
    r"|objections?",
)

#: The sender asks for IT services or products for its own organisation.
OWN_IT_REQUESTS = (
    # "we need IT support", "looking for an MSP", "our school needs new laptops"
    rf"(?:{_NEED}) {_BUY_GAP}(?:{_IT_HELPERS}|{_IT_THINGS}){_NOT_SOLD}",
    # "can you help us with our network?", "help me fix my laptop"
    rf"(?:help|assist) (?:us|me) {_OWN_GAP}(?:{_IT_THINGS}){_NOT_SOLD}",
    # "fix our computers", "outsource our IT", "replace my old server"; not a
    # statement such as "we replace our laptops every three years"
    rf"(?<!we )(?<!i )(?:{_REPAIR}) (?:up )?(?:our|my) {_OWN_GAP}(?:{_IT_THINGS}){_NOT_SOLD}",
    # "someone to fix the computers in our office", "a company to manage our network"
    rf"(?:someone|somebody|a company|a firm|a partner|an expert|a tech|a technician"
    rf"|a professional|people) (?:to|who can|that can) (?:{_LOOK_AFTER}) {_OWN_GAP}"
    rf"(?:{_IT_THINGS}){_NOT_SOLD}",
    # "our printers keep failing", "my PC won't turn on", "our email server went down"
    rf"(?:our|my) (?:[\w'-]+ ){{0,2}}?(?:{_IT_THINGS}){_NOT_SOLD} (?:[\w'-]+ ){{0,3}}?"
    rf"(?:{_BROKEN})",
    # "we got hit by ransomware", "our office was hacked"
    r"(?:we|i|our [\w'-]+)(?:'ve| have| has)? (?:got|were|was|been|just got|just been)"
    r" (?:hit by (?:ransomware|malware|a virus)|hacked|infected|breached|compromised)",
    # "we don't have an IT person", "we have no IT department"
    r"(?:have no|don't have an?|don't have any|do not have an?|do not have any|lack an?|lack"
    r"|have never had an?|no) (?:in-house |internal |dedicated |full-time |real |our own )?"
    r"(?:it|tech|technical|computer) (?:person|people|staff|department|guy|team)",
    # "we want to replace our current MSP", "switching IT providers"
    rf"(?:replace|switch|fire|change|leave|dump|ditch) (?:from )?{_CURRENT_HELPER}",
    r"switch(?:ing)? (?:it|msp|tech support|computer support) (?:providers|companies"
    r"|vendors|firms)",
    # "our IT guy retired", "my computer guy never calls back"
    rf"{_CURRENT_HELPER} (?:[\w'-]+ ){{0,3}}?(?:retired|quit|left|closed|went out of business"
    r"|is unresponsive|never (?:answers|responds|calls back|shows up)|doesn't (?:answer"
    r"|respond|call back|show up)|is too slow|is too expensive|dropped us)",
)

#: The clause is about the sender's clients, so it never counts as its own request.
CLIENT_CONTEXT = (
    # "our clients' servers keep crashing", "many of our customers need a new server"
    r"clients?|customers?|clientele|end[- ]users?",
    # "we support 40 dental offices", "we manage networks for law firms"
    rf"(?:we|i) (?:support|serve|service|manage|help|work with|look after|take care of"
    rf"|protect|monitor|maintain|partner with) (?!our |my |us |me |ourselves )"
    rf"(?:[\w'-]+ ){{0,3}}?(?:{_ORGS}|networks|servers|endpoints|devices|seats)",
    # "IT support for dental offices" (but not "for our two offices")
    rf"for (?!our |my |both |all |each |every |two |three |several |multiple |\d)"
    rf"(?:[\w'-]+ ){{0,2}}?(?:{_ORGS})",
    # "small businesses need IT support", "medical practices that need someone"
    rf"(?<!our )(?<!my )(?:{_ORGS}) (?:that |who |which |often |usually |typically |also "
    r"|all |still |really |are )?(?:need|needs|want|wants|looking for|require|struggle"
    r"|rely on|depend on|call us|hire|have)",
    # "a clinic we support needs a new server"
    r"(?:we|i) (?:work with|support|serve|look after|take care of|manage) (?:needs?|has|have"
    r"|is|are|wants?|just|recently)",
)

#: The sender plainly says it is a provider; then its text never screens it out.
PROVIDER_SELF_DESCRIPTIONS = (
    # "we're a 12-person MSP", "I am an independent IT consultant", "as a VAR"
    rf"(?:we are|we're|i am|i'm|as|being|i run|we run|i own|we own|i started|we started"
    rf"|i founded|we founded) (?:a |an |the |my |our )?{_PROVIDER_ADJ}(?:{_PROVIDER})"
    r"(?! (?:customers?|clients?|users?)(?!\w))",
    # "we provide managed IT services", "we sell and support Dell hardware"
    rf"(?:we|i) (?:provide|offer|deliver|sell|resell|install|implement|specialize in"
    rf"|specialise in|focus on) {_OFFER_GAP}(?:{_OFFERING})",
    # "our MSP business", "our managed services clients", "our NOC"
    r"our (?:msp (?:business|company|practice|firm|clients|customers)|it (?:services|support"
    r"|consulting|solutions) (?:business|company|firm|practice|clients|customers)"
    r"|managed services (?:business|company|practice|clients|customers|agreements|contracts"
    r"|offering|revenue|plans?)|consultancy|reseller business|help ?desk (?:team|techs"
    r"|technicians|engineers)|noc|soc)",
    # "help desk for our clients", "IT support to our customers"
    r"(?:(?:it|tech|technical|help ?desk|managed|network|cloud|computer) (?:support|services"
    r"|solutions)|help ?desk) (?:for|to) (?:our |my )?(?:clients|customers)",
    # "we support over 40 dental offices", "we manage 2,000 endpoints"
    rf"(?:we|i) (?:support|serve|manage|look after|take care of|monitor|protect|maintain"
    rf"|service) (?:over |about |around |more than |nearly |almost |some )?\d[\d,]*\+? "
    rf"(?:[\w'-]+ ){{0,2}}?(?:clients|{_ORGS}|endpoints|devices|seats|networks|servers)",
    # "we manage IT for small businesses"
    rf"(?:we|i) (?:manage|support|monitor|maintain|secure|handle|run) (?:the )?(?:networks"
    rf"|servers|it|it systems|infrastructure|endpoints|devices|backups) for "
    rf"(?:[\w'-]+ ){{0,2}}?(?:{_ORGS}|clients|customers)",
)

#: Words that make a fragment of a message about price.
PRICE_TERMS = (
    r"how much", _PRICE_WORD, r"priced", r"costing", r"(?<!in )charges?", r"ballpark",
    r"per (?:hour|month|appointment|lead|call|meeting|day|week)", r"expensive",
    r"cheap(?:er|est)?", r"affordable",
)

#: A clause that asks for our price.
PRICE_ASKS = (
    # "how much do you charge?", "how much per hour?" (not "how much experience")
    r"how much(?! (?:experience|time|notice|lead time|of|traffic|work|effort|volume"
    r"|training|data|longer|should we|can we|could we))",
    # "what's your price?", "what does it cost", "what are your rates?"
    rf"what(?:'s| is| are| does| do| would| will| kind of| sort of)(?: [\w'-]+){{0,4}}"
    rf" (?:{_PRICE_WORD}|charges?)",
    # "send me your pricing", "please email a price list"
    rf"(?:send|give|tell|email|e-mail|share|forward|quote|show) (?:[\w'-]+ ){{0,3}}?"
    rf"(?:{_PRICE_WORD})",
    # "Ballpark cost for a campaign?", "pricing for 3 months?"
    rf"(?:{_PRICE_WORD})(?: [\w'-]+){{0,6}} ?\?",
    # "price list please", "please send pricing"
    rf"(?:{_PRICE_WORD}) please",
    rf"please (?:[\w'-]+ ){{0,3}}?(?:{_PRICE_WORD})",
    # "I'd like a quote", "interested in pricing", "just want to know your prices"
    rf"(?:need|want|would like|we'd like|i'd like|looking for|interested in|request"
    rf"|requesting|get|getting|know|see|hear|check) (?:a |an |the |your |some )?"
    rf"(?:{_PRICE_WORD}|estimate|ballpark)",
    # "just curious about pricing", "a question about your fees"
    rf"(?:curious|wondering|asking|inquiring|enquiring|question) (?:about|on|regarding)"
    rf" (?:[\w'-]+ ){{0,2}}?(?:{_PRICE_WORD})",
    # "do you charge by the hour?", "how does your pricing work?", "ballpark?"
    r"(?:do|would|will|can) you (?:[\w'-]+ )?charge",
    r"how (?:do|does|would) (?:you|your [\w'-]+) (?:charge|price|bill)",
    r"how (?:does|is) (?:your |the )?(?:pricing|price|cost) (?:work|structured|calculated"
    r"|determined)",
    r"ballpark",
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
    r"(?:talk|speak|chat|meet)(?: with| to)? (?:you|someone|one of|your)",
    r"(?:can|could|shall|should) we (?:talk|speak|chat|meet|discuss|set up|schedule|start|get)",
    r"let's (?:talk|chat|meet|discuss|set up|schedule)",
    r"get in touch", r"reach out", r"contact (?:me|us)",
    r"proposal", r"demo", r"case stud(?:y|ies)", r"references?", r"testimonials?",
    r"samples?", r"examples?", r"scripts?", r"brochure|overview",
    r"(?<!price )(?<!pricing )(?<!cost )(?<!rate )(?:information|info|details)",
    r"learn more", r"tell (?:me|us) (?:more|about|how|what|which|who)", r"explain",
    r"target(?:s|ed|ing)?", r"decision[ -]makers?", r"availability|available",
    r"start(?:ing)? (?:date|next|in|on|soon)", r"contract (?:terms?|length)",
    r"minimum (?:term|commitment|contract)", r"guarantee[sd]?", r"results",
    r"do you (?:work|offer|provide|have|handle|cover|serve|do|use|specialize|specialise)",
)

#: Greetings that look like questions but ask for nothing ("Hi, how are you?").
PLEASANTRIES = (
    r"how are you(?: doing)?(?: today)?", r"how's it going", r"how are things",
    r"how have you been", r"what's up", r"hope (?:you're|you are|all is|this finds you)"
    r" (?:well|good|doing well)",
    r"what an? (?:great|nice|good|helpful|useful|interesting|awesome) [\w' -]+",
)
