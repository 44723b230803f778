"""Screening rules: a table of realistic submissions, the evidence, config, and a property."""

import dataclasses
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from capture import screening as screening_module
from capture.contract import COMPANY_TYPES
from capture.contract import INTERESTS
from capture.contract import PROVIDER_TYPES
from capture.contract import ROLES
from capture.screening import DEFAULT_RULES
from capture.screening import RULES_CODE_VERSION
from capture.screening import ScreeningRules
from capture.screening import compile_rules
from capture.screening import rules_fingerprint
from capture.screening import rules_from_config
from capture.screening import rules_version
from capture.screening import screen
from capture.screening_training import TUNING_CORPORA
from capture.screening_training import tuning_rows

BASE = {
    "name": "Dana Reyes",
    "email": "dana@northwind-it.example",
    "phone": "",
    "company": "Northwind IT",
    "website": "https://northwind-it.example",
    "company_type": "msp",
    "employees": 25,
    "monthly_budget": 3000,
    "role": "owner",
    "interest": "appointment_setting",
    "message": "We are a 25-person MSP in Denver looking for 10 qualified appointments a month.",
    "consent": True,
    "source": "what-is-a-qualified-sales-lead",
    "company_fax": "",
}
NOT_MSP = ("not_msp",)
TK = ("tire_kicker",)
NDM = ("not_decision_maker",)


def said(message, **fields):
    """A qualified MSP's submission with another message (and other fields)."""
    return BASE | {"message": message} | fields


def case(case_id, submission, status, reasons=(), flags=()):
    return pytest.param(submission, status, reasons, flags, id=case_id)


QUEUED_PROVIDERS = [
    case("msp-base", BASE, "queued"),
    case("it-consultant", said(
        "I'm an independent IT consultant serving accounting firms around Tampa; "
        "I need a steady flow of first meetings.", company_type="it_consultant"), "queued"),
    case("var-reseller", said(
        "We resell Dell and HP hardware and Microsoft licensing to manufacturers in Ohio. "
        "We want a telemarketing campaign before Q3.", company_type="var",
        interest="telemarketing_campaign"), "queued"),
    case("msp-referrals-dried-up", said(
        "We've been in managed services for 12 years and referrals have dried up. Need a "
        "lead generation partner that understands the long sales cycle.",
        interest="lead_generation"), "queued"),
    case("sales-manager", said(
        "I run sales for a managed services provider; our reps need more network "
        "assessment appointments.", role="sales_manager"), "queued"),
    case("executive-targeting", said(
        "Looking for an appointment setting campaign targeting healthcare practices with "
        "20 to 100 PCs.", role="executive"), "queued"),
    case("empty-message", said(""), "queued"),
    case("missing-optional-fields",
         {k: v for k, v in BASE.items() if k not in ("message", "website", "phone",
                                                      "company_fax", "source")},
         "queued"),
    case("company-name-alone-is-not-evidence", said(
        "We need 10 appointments a month with dental practices.",
        company="Dental IT Solutions", website="https://dentalitsolutions.example"), "queued"),
    case("end-user-sounding-domain-alone", said(
        "Our managed services clients are mostly dentists; we want more of them.",
        website="https://smithdental.example/"), "queued"),
    case("provider-own-sales-needs", said(
        "We need someone to handle our cold calling so our techs can stay billable."),
         "queued"),
    case("provider-wants-more-appointments", said(
        "We want more cybersecurity appointments with CFOs."), "queued"),
    case("provider-marketing-partner", said(
        "We're looking for an MSP marketing partner who understands IT sales."), "queued"),
    case("provider-growing-business", said(
        "We're looking for help growing our IT support business."), "queued"),
    case("provider-pipeline-dry", said("As an MSP we need more leads, our pipeline is dry."),
         "queued"),
    case("provider-specializes", said(
        "We specialize in cybersecurity for law firms and need appointments."), "queued"),
    case("provider-targets-companies-needing-support", said(
        "We'd like to target companies that need IT support."), "queued"),
    case("provider-fills-calendar", said(
        "We provide IT support and need help filling our calendar."), "queued"),
]

PROVIDERS_NAMING_CLIENTS = [
    case("supports-dental-offices", said("We support 40 dental offices around Phoenix."),
         "queued"),
    case("clients-servers-crash", said(
        "Our clients' servers keep crashing and they call us first; we want more clients "
        "like that."), "queued"),
    case("manages-law-firm-networks", said(
        "We manage networks for law firms and want to meet more managing partners."), "queued"),
    case("customers-need-servers", said(
        "Many of our customers need a new server this year; help us find more of them."),
         "queued"),
    case("helps-practices-fix-computers", said(
        "We help medical practices that need someone to fix their computers."), "queued"),
    case("msp-clients-looking-for-support", said(
        "We are an MSP; a lot of our clients are dental offices looking for IT support."),
         "queued"),
    case("small-businesses-need-support", said(
        "Small businesses need IT support, and that's where we come in."), "queued"),
    case("clinic-we-support", said(
        "A clinic we support needs a new server every few years."), "queued"),
    case("help-desk-for-clients", said(
        "Our help desk handles tickets for our clients around the clock."), "queued"),
    case("windows-end-of-life", said(
        "Windows 10 end of life means lots of businesses need new computers; we want to "
        "reach them first."), "queued"),
    case("free-network-assessment", said(
        "We offer a free network assessment and need appointments to deliver them."),
         "queued"),
    case("customers-printers-fail", said(
        "Our customers' printers keep failing and we fix them the same day."), "queued"),
    case("client-network-down", said(
        "When a client\u2019s network is down, our techs are on site within the hour."),
         "queued"),
]

DECLARED_NON_PROVIDERS = [
    case("software-vendor", said(
        "We make a PSA tool and want to reach MSP owners.", company_type="software_vendor"),
         "screened_out", NOT_MSP),
    case("business-no-message", said("", company_type="business"), "screened_out", NOT_MSP),
    case("other-agency", said("We're a marketing agency.", company_type="other"),
         "screened_out", NOT_MSP),
    case("business-asking-it-help-listed-once", said(
        "Our dental office needs someone to fix our computers.", company_type="business"),
         "screened_out", NOT_MSP),
]

END_USERS_WHO_PICKED_MSP = [
    case("dental-office-fix-computers", said(
        "Our dental office needs someone to fix our computers."), "screened_out", NOT_MSP),
    case("law-firm-it-support", said("We are a small law firm looking for IT support."),
         "screened_out", NOT_MSP),
    case("new-server-for-office", said("We need a new server for our office."),
         "screened_out", NOT_MSP),
    case("network-and-printers", said(
        "Can you help us with our network? Our printers keep failing."),
         "screened_out", NOT_MSP),
    case("msp-to-manage-pcs", said("Looking for an MSP to manage our 20 PCs."),
         "screened_out", NOT_MSP),
    case("computers-old-and-slow", said("Our computers are old and slow, we need new ones."),
         "screened_out", NOT_MSP),
    case("help-with-own-office-network", said(
        "Looking for help with our own office network. We are a dental clinic."),
         "screened_out", NOT_MSP),
    case("accounting-firm-managed-it", said("Our accounting firm needs managed IT services."),
         "screened_out", NOT_MSP),
    case("bakery-computers-crashing", said(
        "Hi, I own a small bakery and our computers keep crashing. Can someone come out "
        "this week?"), "screened_out", NOT_MSP),
    case("no-it-department", said(
        "We have 12 employees and no IT department, looking for a company to manage our "
        "computers."), "screened_out", NOT_MSP),
    case("church-wifi-curly-apostrophes", said(
        "We\u2019re a church and our wifi doesn\u2019t work in the fellowship hall."),
         "screened_out", NOT_MSP),
    case("laptop-fixed", said("I need my laptop fixed ASAP."), "screened_out", NOT_MSP),
    case("outsource-our-it", said("We want to outsource our IT."), "screened_out", NOT_MSP),
    case("it-guy-retired", said(
        "Our IT guy retired last month and we need someone to take over."),
         "screened_out", NOT_MSP),
    case("quote-laptops-is-also-price-only", said(
        "Please quote 10 new Dell laptops for our office."), "screened_out", NOT_MSP, TK),
    case("manufacturer-cybersecurity", said(
        "We're a 30-person manufacturer and need help with cybersecurity after a phishing "
        "scare."), "screened_out", NOT_MSP),
    case("email-down-extra-whitespace", said(
        "Our   email   server went  down yesterday and nobody can work."),
         "screened_out", NOT_MSP),
    case("restaurant-pos-crashed", said(
        "Our restaurant\u2019s POS system crashed again during dinner service."),
         "screened_out", NOT_MSP),
    case("school-laptops", said("Our school needs laptops for the new computer lab."),
         "screened_out", NOT_MSP),
    case("replace-it-company", said(
        "We're fed up and want to replace our current IT company."), "screened_out", NOT_MSP),
    case("nonprofit-microsoft-365", said(
        "We are a nonprofit looking for an IT partner who can manage our Microsoft 365."),
         "screened_out", NOT_MSP),
    case("clinic-it-services-company", said(
        "WE ARE LOOKING FOR AN IT SERVICES COMPANY TO SUPPORT OUR CLINIC!!"),
         "screened_out", NOT_MSP),
    case("request-after-client-talk", said(
        "We are a law firm and our clients expect privacy. We need IT support."),
         "screened_out", NOT_MSP),
    case("ransomware", said("We got hit by ransomware last week and need help recovering."),
         "screened_out", NOT_MSP),
    case("three-offices-need-support", said(
        "We have three offices and need IT support for all of them."), "screened_out", NOT_MSP),
    case("website-words-ask-for-it-help", said(
        "", website="https://acme-dental.example/we-need-it-support"),
         "screened_out", NOT_MSP),
]

# The sender's own line of business, and a request for a provider in natural words:
# each end user beside the provider that sounds most like it.
LINE_OF_BUSINESS = [
    case("architecture-office-choosing-partner", said(
        "We're a 40-person architecture office and we're choosing a new managed IT partner "
        "this quarter."), "screened_out", NOT_MSP),
    case("msp-serving-architecture-offices", said(
        "We're a 40-person MSP and architecture offices are most of our clients."), "queued"),
    case("restaurant-group-interviewing-msps", said(
        "I run a restaurant group with five locations; we're interviewing MSPs to take over "
        "our IT."), "screened_out", NOT_MSP),
    case("restaurant-groups-interview-msps", said(
        "Restaurant groups interview MSPs every few years and we want to be on that list."),
         "queued"),
    case("hospital-group-evaluating-providers", said(
        "As a hospital group we are evaluating managed service providers for after-hours "
        "support."), "screened_out", NOT_MSP),
    case("hospitals-evaluating-providers", said(
        "Hospitals in Ohio are evaluating managed service providers after a wave of mergers; "
        "we want to be on their shortlist."), "queued"),
    case("bakery-searches-it-company", said(
        "Hello, we search an IT company for support of our workstations, we are a bakery "
        "with 3 shops."), "screened_out", NOT_MSP),
    case("it-company-makes-support-for-bakeries", said(
        "Hello, we are small IT company, we make support of workstations for bakeries and "
        "shops."), "queued"),
    case("school-district-provider-who-can-do-that", said(
        "Our school district has outgrown its part-time technician. We are looking for a "
        "provider who can do that job properly."), "screened_out", NOT_MSP),
    case("msp-for-school-districts", said(
        "We look after 12 school districts and want to reach their superintendents."),
         "queued"),
    case("parish-office-someone-to-look-after", said(
        "This is the parish office at St. Anne's. We need someone to look after our two "
        "computers and the copier."), "screened_out", NOT_MSP),
    case("msp-for-parishes", said(
        "Parishes call us when their office computers fail; we support 25 of them."),
         "queued"),
    case("title-company-needs-provider", said(
        "We're a title company with 4 branches and need an IT provider to take over our "
        "network."), "screened_out", NOT_MSP),
    case("msp-whose-niche-is-title-companies", said(
        "Our niche is title companies; after every wire-fraud story their underwriters want "
        "an IT provider to take over."), "queued"),
    case("freight-broker-shopping-for-msp", said(
        "We're a freight brokerage with 30 agents on the phones, shopping for an MSP that "
        "can handle the phones and the network."), "screened_out", NOT_MSP),
    case("msp-for-freight-brokers", said(
        "We support freight brokers; their phones and networks need a provider who answers "
        "at 2am."), "queued"),
    case("manufacturer-someone-to-look-after", said(
        "We manufacture industrial valves, 90 people on two shifts. We want someone to look "
        "after our computers and the plant network."), "screened_out", NOT_MSP),
    case("msp-for-manufacturers", said(
        "We manage IT for manufacturers and their plants, and want more of them."), "queued"),
    case("cleaning-company-wants-appointments", said(
        "We're a commercial cleaning company and want appointments with facility managers."),
         "screened_out", NOT_MSP),
    case("msp-for-cleaning-companies", said(
        "We're an MSP for commercial cleaning companies and want appointments with their "
        "owners."), "queued"),
    case("manufacturer-wants-appointments", said(
        "We manufacture custom signage and want appointments with architects."),
         "screened_out", NOT_MSP),
    case("msp-for-sign-manufacturers", said(
        "We support sign manufacturers and want appointments with their owners."), "queued"),
    case("owner-of-a-landscaping-company", said(
        "I'm the owner of a landscaping company and want more commercial contracts."),
         "screened_out", NOT_MSP),
    case("owner-of-an-msp", said(
        "I'm the owner of an MSP that serves landscaping companies."), "queued"),
    case("clinics-as-clients", said("We have 30 clinics as clients and want 10 more."),
         "queued"),
    case("runs-clinics", said("We run 3 clinics and need one IT company for all of them."),
         "screened_out", NOT_MSP),
    case("partner-of-a-dental-practice", said(
        "As a dental practice's IT partner for 15 years, we know Dentrix inside out."),
         "queued"),
    case("as-a-dental-practice", said(
        "As a dental practice we need someone who knows Dentrix inside out."),
         "screened_out", NOT_MSP),
    case("church-focused-msp", said("We are a church-focused MSP."), "queued"),
    case("church-with-an-msp-wish", said("We are a church looking for an MSP."),
         "screened_out", NOT_MSP),
    case("cpas-need-help", said(
        "CPAs need help with IT during tax season, and we want to reach them in summer."),
         "queued"),
    case("cpa-firm-needs-help", said(
        "We are a CPA firm and need help with IT during tax season."),
         "screened_out", NOT_MSP),
    case("white-label-help-desk", said(
        "We're looking for a white-label help desk to support our clients after hours."),
         "queued"),
    case("help-desk-for-own-staff", said(
        "We're looking for an outsourced help desk to support our staff after hours."),
         "screened_out", NOT_MSP),
    case("vague-request-with-own-organisation", said(
        "Our church office has four computers and a printer. We'd like someone to take care "
        "of all of it."), "screened_out", NOT_MSP),
    case("vague-request-from-provider", said(
        "We'd like someone to take care of all of it: the calling, the follow-up and the "
        "booking."), "queued"),
]

# Other ways of asking, each beside the provider wording closest to it.
ASKING_IN_OTHER_WORDS = [
    case("asks-us-for-it-support", said("Do you provide IT support for small offices in Dallas?"),
         "screened_out", NOT_MSP),
    case("asks-us-for-leads-for-it-support", said(
        "Do you provide leads for IT support companies in Dallas?"), "queued"),
    case("help-with-it-uppercase", said("We need help with IT. We are 8 people."),
         "screened_out", NOT_MSP),
    case("help-with-it-sales", said("We need help with IT sales. We are 8 people."),
         "queued"),
    case("organisation-named-as-subject", said(
        "The Chamber of Commerce office needs an IT provider."), "screened_out", NOT_MSP),
    case("organisations-wanted-as-clients", said(
        "We'd like to reach medical practices looking for an IT company."), "queued"),
    case("proposal-for-it-support", said(
        "Please send a proposal for IT support. We have 25 employees."),
         "screened_out", NOT_MSP),
    case("proposal-for-appointments", said(
        "Please send a proposal for 10 network assessment appointments a month."), "queued"),
    case("unhappy-with-current-it-company", said(
        "The clinic I manage is unhappy with our current IT company."),
         "screened_out", NOT_MSP),
    case("prospects-unhappy-with-their-it-company", said(
        "We want meetings with clinics that are unhappy with their current IT company."),
         "queued"),
    case("leaving-our-msp", said("We are leaving our MSP and need a new one."),
         "screened_out", NOT_MSP),
    case("msp-needing-a-lead-source", said("We are an MSP and need a new lead source."),
         "queued"),
    case("computers-need-upgrading", said(
        "Our computers need to be upgraded to Windows 11. Can you help?"),
         "screened_out", NOT_MSP),
    case("clients-computers-need-upgrading", said(
        "Our clients' computers need to be upgraded to Windows 11; we want more clients "
        "like them."), "queued"),
    case("move-our-files-to-the-cloud", said(
        "We want to move all our files to the cloud and need a company to do it."),
         "screened_out", NOT_MSP),
    case("moves-clients-files-to-the-cloud", said(
        "We move our clients' files to the cloud and want more clients."), "queued"),
    case("needs-it-company-to-support-offices", said(
        "Our property management firm needs an IT company to support three offices."),
         "screened_out", NOT_MSP),
    case("supports-three-property-managers", said(
        "Our IT company supports three property management firms and wants ten more."),
         "queued"),
    case("it-handled-by-the-controller", said(
        "We make aluminum extrusions. The IT is handled by our controller in his spare time, "
        "which isn't sustainable."), "screened_out", NOT_MSP),
    case("exploring-outsourcing-our-network", said(
        "We're exploring outsourcing our network management."), "screened_out", NOT_MSP),
    case("chains-need-it-support", said(
        "Grocery chains need IT support for registers and back office - we provide it for "
        "12 stores today."), "queued"),
    case("msp-whose-own-it-is-a-mess", said(
        "Honestly our own IT is a mess, like every MSP's. But our clients are happy."),
         "queued"),
]

# Clients are the sender's own customers unless it provides IT to them.
OWN_CUSTOMERS = [
    case("roofer-clients-trust-us", said(
        "Our clients are homeowners who trust us with their data. We're a roofing company "
        "and we need an IT firm to secure our laptops."), "screened_out", NOT_MSP),
    case("msp-clients-need-it-firm", said(
        "Our clients are roofing companies, and they need an IT firm that answers the "
        "phone."), "queued"),
    case("tax-firm-clients-documents", said(
        "Our clients trust us with their tax documents, so we need a managed IT partner to "
        "lock down our email."), "screened_out", NOT_MSP),
    case("msp-clients-tax-firms", said(
        "Our clients are accounting firms that trust us with their tax documents; they need "
        "a partner who locks down email."), "queued"),
    case("clinic-patients-complain", said(
        "Our patients keep complaining that the waiting room Wi-Fi is down. We need "
        "someone to manage our network."), "screened_out", NOT_MSP),
    case("msp-clients-patients-complain", said(
        "Our clients' patients complain when the clinic Wi-Fi is down, so we fix it the "
        "same day."), "queued"),
    case("law-firm-handles-clients-needs-msp", said(
        "We represent clients in employment disputes and need an MSP to manage our "
        "laptops."), "screened_out", NOT_MSP),
    case("msp-represents-law-firms", said(
        "We look after 30 law firms and their clients expect encrypted email."), "queued"),
    case("insurer-for-its-clients-needs-email-secured", said(
        "We handle insurance for our clients and need our email secured."),
         "screened_out", NOT_MSP),
    case("help-desk-for-its-customers", said(
        "We need a help desk that can answer calls for our customers at night."), "queued"),
    case("tax-returns-for-clients-old-server", said(
        "We do tax returns for our clients and our server is old."), "screened_out", NOT_MSP),
    case("subcontracts-a-technician-for-clients", said(
        "Looking for a technician we can subcontract for our clients' onsite work."),
         "queued"),
    case("client-files-on-old-computers", said(
        "Our client files are stored on old computers. We need an upgrade."),
         "screened_out", NOT_MSP),
    case("clients-on-old-servers", said(
        "Our clients run on old servers. We need an upgrade to our calling lists."),
         "queued"),
    case("adult-day-program", said(
        "We have about 60 clients in our adult day program and the staff computers are a "
        "mess. Need someone."), "screened_out", NOT_MSP),
    case("msp-for-adult-day-programs", said(
        "We support adult day programs and want ten more."), "queued"),
    case("salon-serves-clients-and-tablet-is-slow", said(
        "We serve 300 clients a week at our salon; the booking tablet is slow and the wifi "
        "drops."), "screened_out", NOT_MSP),
    case("msp-serves-clinics-own-server", said(
        "We serve 40 clinics and our own server keeps crashing."), "queued"),
    case("manages-clients-tax-returns", said(
        "We manage 300 clients' tax returns every year and our computers are ancient."),
         "screened_out", NOT_MSP),
    case("manages-clients-networks", said(
        "We manage 300 clients' networks every year and our own computers are ancient."),
         "queued"),
    case("serves-businesses-with-cleaning-contracts", said(
        "We serve about 40 businesses with cleaning contracts. Our office PCs need someone "
        "to look after them."), "screened_out", NOT_MSP),
    case("supports-businesses-with-managed-it", said(
        "We support about 40 businesses with managed IT. Our office PCs need someone to "
        "look after them too."), "queued"),
    case("works-with-clinics-as-a-billing-company", said(
        "We work with 50 clinics as a medical billing company and our server is old."),
         "screened_out", NOT_MSP),
    case("started-out-as-a-bookkeeping-firm", said(
        "We started out as a bookkeeping firm and moved into managed IT."), "queued"),
    case("installs-cabinets-for-customers", said(
        "We install cabinets for customers and our office computer is old."),
         "screened_out", NOT_MSP),
    case("sells-insurance-to-clients", said(
        "We sell insurance to our clients and need our laptops secured."),
         "screened_out", NOT_MSP),
    case("sells-failover-to-clients", said(
        "Our phones went down during a storm and we learned a lot. We now sell failover to "
        "clients."), "queued"),
    case("sells-the-same-design-to-clients", said(
        "Our office Wi-Fi was a mess until we rebuilt it; now we sell the same design to "
        "clients."), "queued"),
    case("the-people-a-school-calls", said(
        "We're the people a school calls when its Chromebooks stop working."), "queued"),
    case("we-are-a-school", said(
        "We're a small school and our Chromebooks stop working every week."),
         "screened_out", NOT_MSP),
    case("built-a-security-practice", said(
        "We got hacked in 2019, learned our lesson, and built a security practice around "
        "it."), "queued"),
]

# Other languages' words and order, beside a provider writing the same way.
IN_OTHER_LANGUAGES_WORDS = [
    case("company-of-transport", said(
        "We are company of transport, 40 trucks, we need the informatic support."),
         "screened_out", NOT_MSP),
    case("company-of-it-experts", said(
        "We are a company of IT experts serving transport companies."), "queued"),
    case("service-of-computers-maintenance", said(
        "Our enterprise needs service of computers maintenance."), "screened_out", NOT_MSP),
    case("sells-service-of-computers-maintenance", said(
        "We sell service of computers maintenance to enterprises."), "queued"),
    case("want-change-the-it-provider", said(
        "Please contact us, our company want change the IT provider."),
         "screened_out", NOT_MSP),
    case("helps-clinics-change-the-it-provider", said(
        "We help clinics change the IT provider they have outgrown."), "queued"),
    case("support-it-the-pronoun", said("We set it up and support it for our clients."),
         "queued"),
]

# Trouble told without asking counts beside the sender's own organisation only.
TROUBLE_WITHOUT_ASKING = [
    case("congregation-office-computer-ancient", said(
        "Our congregation is 200 families. The office computer is ancient and the wifi "
        "doesn't reach the hall."), "screened_out", NOT_MSP),
    case("clients-churches-office-computer-ancient", said(
        "Our clients are churches. The office computer is ancient at most of them, so we "
        "replace it."), "queued"),
    case("own-church-server-died", said("Our church's old server finally died."),
         "screened_out", NOT_MSP),
    case("church-clients-servers-dying", said(
        "We support many churches; our church clients' servers keep dying."), "queued"),
    case("trouble-without-an-organisation", said(
        "The server went down at 2am and we had it back by 3. We want more clients."),
         "queued"),
    case("parish-office-someone-to-look-after-them", said(
        "St. Mary's parish office. Two computers and a copier. Need someone to look after "
        "them."), "screened_out", NOT_MSP),
]

# Providers who say what they do without "we are an MSP", beside end users whose
# words come close; a provider's own IT trouble does not make it an end user.
PROVIDERS_IN_OTHER_WORDS = [
    case("tech-team-behind-hotels", said(
        "We're the tech team behind about 30 hotels. Our own server keeps crashing, "
        "ironically."), "queued"),
    case("tech-person-at-our-hotel", said(
        "I'm the tech person at our hotel and our server keeps crashing."),
         "screened_out", NOT_MSP),
    case("manages-their-computers", said(
        "We install and manage their computers; our own laptops need replacing this year."),
         "queued"),
    case("wants-someone-to-manage-our-computers", said(
        "We need someone to install and manage our computers."), "screened_out", NOT_MSP),
    case("keeps-law-offices-running", said(
        "My firm keeps 40 law offices running. Our own server keeps crashing."), "queued"),
    case("keeps-trucks-running", said(
        "My firm keeps 40 trucks running and our server keeps crashing."),
         "screened_out", NOT_MSP),
    case("churches-served", said("60+ churches served. Our own server keeps crashing."),
         "queued"),
    case("church-serves-families", said(
        "Our church serves 600 families. Our server keeps crashing."), "screened_out", NOT_MSP),
    case("managed-services-for-dentists", said(
        "Managed services for dentists and vets. Our own server keeps crashing."), "queued"),
    case("managed-services-for-our-office", said(
        "Managed services for our dental office, please. Our server keeps crashing."),
         "screened_out", NOT_MSP),
    case("networks-plant-floors", said(
        "We network plant floors. Our own server keeps crashing."), "queued"),
    case("networks-with-owners", said(
        "We network with other owners. Our server keeps crashing."), "screened_out", NOT_MSP),
    case("company-is-an-it-integrator", said(
        "Our company is IT integrator from Germany. Our own server keeps crashing."),
         "queued"),
    case("company-is-a-steel-fabricator", said(
        "Our company is a steel fabricator from Germany."), "screened_out", NOT_MSP),
    case("reseller-fragment-mid-message", said(
        "Hello. Value-added reseller for Dell and HP. Our own phones are down today."),
         "queued"),
    case("looking-for-a-reseller", said(
        "Hello. Looking for a value-added reseller for Dell laptops."),
         "screened_out", NOT_MSP),
]

# More lines of business, the sender's own role in one, and the people it serves or
# the places it works in; each beside a provider that names the same trade.
MORE_LINES_OF_BUSINESS = [
    case("speech-therapy-practice", said(
        "Speech therapy practice with five therapists. Looking for appointments with "
        "physicians."), "screened_out", NOT_MSP),
    case("msp-for-speech-therapy-practices", said(
        "We look after speech therapy practices and want ten more."), "queued"),
    case("volunteer-fire-company", said(
        "Volunteer fire company here. Our station laptop is old."), "screened_out", NOT_MSP),
    case("msp-for-volunteer-fire-companies", said(
        "We support volunteer fire companies across three counties."), "queued"),
    case("rv-park", said("We're an RV park with 120 sites."), "screened_out", NOT_MSP),
    case("msp-for-rv-parks", said("We're an MSP for RV parks and campgrounds."), "queued"),
    case("role-at-an-organisation-without-i-am", said(
        "Executive director of a food pantry here."), "screened_out", NOT_MSP),
    case("role-at-a-provider-without-i-am", said("Director of sales at an MSP here."),
         "queued"),
    case("in-house-it-manager", said("I'm the IT manager at a hospital."),
         "screened_out", NOT_MSP),
    case("outsourced-it-partner-of-a-practice", said(
        "I'm the IT partner for a dental practice and need appointments."), "queued"),
    case("works-in-the-office-of-a-city", said(
        "I work in the front office for a small city."), "screened_out", NOT_MSP),
    case("works-in-the-office-of-a-provider", said(
        "I work in the sales office of an IT company."), "queued"),
    case("own-organisation-possessive", said(
        "Our museum's front desk is chaos. We'd like someone to take care of all of it."),
         "screened_out", NOT_MSP),
    case("someone-elses-organisation-possessive", said(
        "A museum's front desk is chaos without us. We'd like someone to take care of all "
        "of it: the calling and the booking."), "queued"),
    case("own-guests-need-a-pro", said(
        "Our guests complain about the wifi every week. We need a pro to fix it."),
         "screened_out", NOT_MSP),
    case("clients-guests-and-a-pro-caller", said(
        "Our clients' guests complain about the wifi, and we fix it. We need a pro to call "
        "hotel managers."), "queued"),
    case("own-passengers", said(
        "Our passengers complain constantly. Looking for someone to handle all of it."),
         "screened_out", NOT_MSP),
    case("clients-passengers", said(
        "Our clients' passengers complain constantly and we fix it. Looking for someone to "
        "handle all of it: the calls and the booking."), "queued"),
    case("the-congregation", said(
        "The congregation has doubled since 2020. We need someone to take care of all of "
        "it."), "screened_out", NOT_MSP),
    case("every-congregation-served", said(
        "Every congregation we serve has doubled; we need someone to take care of all of "
        "it: the calls and the booking."), "queued"),
]

# Requests in everyday words: the thing first and what should be done to it after,
# trouble told in the past, a helper who left, and vague asks beside the sender's own
# things; each beside a provider using the same words about its clients or its sales.
REQUESTS_IN_EVERYDAY_WORDS = [
    case("own-things-looked-after", said(
        "We need our station laptops and the front desk PC looked after."),
         "screened_out", NOT_MSP),
    case("clients-things-looked-after", said(
        "Our clients need their laptops looked after, and we want more of them."), "queued"),
    case("own-server-died", said(
        "Our file server died last night and the front desk can't print."),
         "screened_out", NOT_MSP),
    case("provider-outage-story", said(
        "We had our own outage last spring - our office internet died for a whole day - and "
        "we tell that story to prospects."), "queued"),
    case("own-laptop-got-a-virus", said(
        "My laptop got a virus and our email is acting strange."), "screened_out", NOT_MSP),
    case("clients-laptop-got-a-virus", said(
        "A client's laptop got a virus last week and we cleaned it up in an hour."), "queued"),
    case("own-tech-person-left", said("Our only in-house tech person left in June."),
         "screened_out", NOT_MSP),
    case("own-sales-guy-left", said("Our sales guy left in June and we need appointments."),
         "queued"),
    case("set-it-all-up-beside-own-computers", said(
        "Our church office has three computers and a printer. We need someone to set it all "
        "up properly."), "screened_out", NOT_MSP),
    case("set-it-all-up-for-sales", said(
        "We need someone to set it all up: the calls, the follow-up and the booking."),
         "queued"),
    case("help-with-all-that-beside-own-tablets", said(
        "Our clinic has two tablets and a front desk PC. Need help with all that."),
         "screened_out", NOT_MSP),
    case("help-with-all-that-campaigns", said(
        "Our campaigns have two steps. Need help with all that."), "queued"),
    case("someone-local-and-honest-bakery", said(
        "Our bakery has three PCs and a register. We would like someone local and honest."),
         "screened_out", NOT_MSP),
    case("someone-local-and-honest-caller", said(
        "Our campaigns need a caller. We would like someone local and honest."), "queued"),
    case("service-contract-for-a-parish", said(
        "Our parishioners use the hall every day. What would a yearly service contract "
        "cost?"), "screened_out", NOT_MSP, TK),
    case("support-plan-a-provider-sells", said(
        "Our clients love our monthly support plan. What would a campaign cost?"),
         "queued", flags=TK),
    case("it-support-for-our-warehouses", said(
        "IT support for our two warehouses is what we're after."), "screened_out", NOT_MSP),
    case("it-support-for-clients-warehouses", said(
        "We provide IT support for our clients' warehouses."), "queued"),
    case("portal-and-someone-for-our-laptops", said(
        "We need a portal for our clients and someone to manage our laptops."),
         "screened_out", NOT_MSP),
    case("clients-and-someone-to-call-them", said(
        "We need more clients and someone to call their office managers."), "queued"),
    case("do-you-service-our-computers", said("Do you service our computers?"),
         "screened_out", NOT_MSP),
    case("do-you-service-msps", said("Do you service MSPs in Canada?"), "queued"),
    case("machines-parts-and-old-server", said(
        "We machine parts for the aerospace industry, and our server is old."),
         "screened_out", NOT_MSP),
    case("repairs-computers-for-machine-shops", said(
        "We repair computers and laptops for machine shops."), "queued"),
]

# Who speaks: the sender's own organisation as the subject ("The town hall needs"), a
# question ("Who can sort out our tech?"), and the sender's own things beside a vague
# ask; each beside a provider speaking of organisations it serves or of its sales.
WHO_SPEAKS = [
    case("the-town-hall-needs-support", said("The town hall needs IT support."),
         "screened_out", NOT_MSP),
    case("town-halls-need-support", said(
        "Town halls need IT support, and we want to reach them."), "queued"),
    case("the-business-needs-support", said("The business needs IT support."),
         "screened_out", NOT_MSP),
    case("firm-of-twelve-lawyers", said("Our firm of 12 lawyers needs a new IT provider."),
         "screened_out", NOT_MSP),
    case("firms-of-twelve-lawyers", said(
        "Firms of 12 lawyers need a new IT provider every few years; we want to meet them."),
         "queued"),
    case("who-can-sort-out-our-tech", said(
        "Who can sort out our tech? Our drivers' tablets never sync."),
         "screened_out", NOT_MSP),
    case("who-can-help-our-clients", said(
        "Who can help our clients with their servers? That's what we do."), "queued"),
    case("nobody-knows-how-to-patch", said(
        "Our shop floor has 12 PCs. Nobody here knows how to keep them patched."),
         "screened_out", NOT_MSP),
    case("nobody-knows-how-to-prospect", said(
        "Nobody here knows how to prospect; we're great techs though."), "queued"),
    case("need-it-fixed-beside-own-wifi", said(
        "Our members complain about the wifi. We need it fixed."), "screened_out", NOT_MSP),
    case("need-it-fixed-campaign-list", said(
        "Our campaign list is stale. We need it fixed."), "queued"),
    case("everything-is-slow-in-the-store", said(
        "Our store has two registers and a back office PC. Everything is slow."),
         "screened_out", NOT_MSP),
    case("everything-is-slow-in-the-pipeline", said(
        "Everything is slow in our sales pipeline. We need appointments."), "queued"),
    case("we-have-a-daycare", said("We have a daycare with 40 kids."),
         "screened_out", NOT_MSP),
    case("we-have-a-daycare-as-a-client", said(
        "We have a daycare as a client and want more like it."), "queued"),
    case("the-practice-needs-backups", said("The practice needs better backups."),
         "screened_out", NOT_MSP),
    case("the-practices-we-work-with-need-backups", said(
        "The practices we work with all need better backups."), "queued"),
    case("own-office-network-and-a-request", said(
        "Our office network needs an upgrade and we need someone to do it."),
         "screened_out", NOT_MSP),
    case("providers-own-office-network", said(
        "Our own office network needs an upgrade but that's not why I'm writing. We need "
        "leads."), "queued"),
    case("cleaning-company-supporting-hospitals", said(
        "We're a cleaning company supporting hospitals in Fresno."), "screened_out", NOT_MSP),
    case("clinic-clients-need-hipaa-help", said(
        "Our clinic clients all need HIPAA help; we provide it."), "queued"),
    case("design-and-build-firm-for-data-centers", said(
        "We're a design and build firm for data centers."), "queued"),
    case("small-shop-supporting-medical-offices", said(
        "We're a two-person shop supporting medical offices in Fresno. Need appointments."),
         "queued"),    case("switching-to-microsoft", said(
        "We're switching from Google to Microsoft and need help."), "screened_out", NOT_MSP),
    case("switches-clients-to-microsoft", said(
        "We move our clients from Google to Microsoft every week. Can you help us find "
        "more?"), "queued"),
    case("own-insurance-requires-mfa", said(
        "Our cyber insurance requires MFA and backups; who can do that for us?"),
         "screened_out", NOT_MSP),
    case("clients-auditors-flagged-backups", said(
        "Our clients' auditors flagged their backups; who can do that for us? We want "
        "leads."), "queued"),
    case("hipaa-help-for-our-practice", said("HIPAA compliance help for our practice."),
         "screened_out", NOT_MSP),
    case("offers-hipaa-help", said("We offer HIPAA compliance help for practices."),
         "queued"),
    case("board-asked-for-an-assessment", said(
        "Our board of directors has asked for a technology assessment."),
         "screened_out", NOT_MSP),
    case("clients-asked-for-an-assessment", said(
        "Our clients asked for a technology assessment, so we built one."), "queued"),
    case("cost-of-your-it-support", said(
        "We want to know the cost of your IT support for 20 users."),
         "screened_out", NOT_MSP, TK),
    case("cost-of-your-appointments-for-it-companies", said(
        "What's the cost of your appointment setting for IT support companies?"),
         "queued", flags=TK),
    case("someone-to-check-on-our-computers", said(
        "We need someone to come in once a week and check on our computers."),
         "screened_out", NOT_MSP),
    case("techs-check-on-own-network", said("Our techs check on our own network weekly."),
         "queued"),
    case("bookkeeper-does-the-it", said("Our bookkeeper does the IT and she's overwhelmed."),
         "screened_out", NOT_MSP),
    case("bookkeeper-does-the-it-billing", said("Our bookkeeper does the IT billing."),
         "queued"),
    case("own-printer-does-not-talk-to-computers", said(
        "Our printer and scanner don't talk to the computers anymore."),
         "screened_out", NOT_MSP),
    case("clients-printers-do-not-talk-to-computers", said(
        "Our clients' printers don't talk to their computers until we fix them."), "queued"),
    case("soccer-club-laptop-died", said(
        "Our youth soccer club's registration laptop died. Need help."),
         "screened_out", NOT_MSP),
    case("coaches-msp-owners", said(
        "We coach MSP owners on sales and want to reach more of them."), "queued"),
    case("getting-our-computers-maintained", said(
        "Who do I talk to about getting our office computers maintained?"),
         "screened_out", NOT_MSP),
    case("getting-our-campaign-started", said(
        "Who do I talk to about getting our campaign started?"), "queued"),
    case("own-office-needs-a-tech-upgrade", said("Our dental office needs a tech upgrade."),
         "screened_out", NOT_MSP),
    case("offices-need-a-tech-upgrade", said(
        "Dental offices need a tech upgrade every few years, and we deliver it."), "queued"),
    case("clinic-server-overheating-take-it-over", said(
        "The vet clinic's server is in a closet and overheating. We need a company to take "
        "it over."), "screened_out", NOT_MSP),
    case("take-it-over-calling-and-booking", said(
        "We need a company to take it over: the calling and the booking."), "queued"),
    case("own-laptops-are-old", said(
        "Our laptops are old, but our server is the bigger problem."),
         "screened_out", NOT_MSP),
    case("techs-laptops-are-old", said(
        "Our techs' laptops are old, but our pipeline is the bigger problem."), "queued"),
    case("we-want-to-outsource-our-it", said("We want to outsource our IT this year."),
         "screened_out", NOT_MSP),
    case("firms-who-want-to-outsource-their-it", said(
        "We need more meetings with law firms who want to outsource their IT."), "queued"),
]

# A provider quoting its clients or prospects is still a provider; an end user quoting
# its own people still asks for itself.
QUOTED_SPEECH = [
    case("provider-quotes-callers", said(
        "Half our inbound calls open with 'our file server died and we need someone here "
        "now.' We would rather meet those companies before that."), "queued"),
    case("provider-quotes-prospects-double-quotes", said(
        "What prospects say on every call: \u201cWe're looking for an IT company that "
        "answers the phone.\u201d We want more of those calls."), "queued"),
    case("provider-quote-then-speaker", said(
        "\"We need IT support but can't afford a full-time person.\" That is what every "
        "owner tells us, and our managed services plans fit them."), "queued"),
    case("end-user-quotes-own-manager", said(
        "Our practice manager put it plainly: 'find us an IT company that answers the "
        "phone.' We have 15 PCs and a server."), "screened_out", NOT_MSP),
    case("provider-unattributed-quote", said(
        "\"We need IT support but can't afford a full-time person.\" Sound familiar? That's "
        "who we serve."), "queued"),
    case("provider-scare-quotes-stay", said("We're a 'boring' MSP and proud of it."),
         "queued"),
    case("end-user-scare-quotes", said(
        "We have three different 'IT guys' and nobody is responsible. We need one company "
        "to own all of our IT."), "screened_out", NOT_MSP),
    case("end-user-quotes-partner-then-asks", said(
        "My partner keeps saying 'just get an MSP'. We're a 10-person law office and we "
        "need someone to take over our email and backups."), "screened_out", NOT_MSP),
]

SIZE_AND_BUDGET = [
    case("too-large", said("", employees=1200), "screened_out", ("too_large",)),
    case("employees-500-is-fine", said("", employees=500), "queued"),
    case("employees-501-is-out", said("", employees=501), "screened_out", ("too_large",)),
    case("budget-1499-is-out", said("", monthly_budget=1499), "screened_out",
         ("under_budget",)),
    case("budget-1500-is-fine", said("", monthly_budget=1500), "queued"),
    case("budget-zero", said("", monthly_budget=0), "screened_out", ("under_budget",)),
    case("too-large-and-under-budget", said("", employees=5000, monthly_budget=200),
         "screened_out", ("too_large", "under_budget")),
    case("business-too-large-under-budget", said(
        "", company_type="business", employees=1200, monthly_budget=800),
         "screened_out", ("not_msp", "too_large", "under_budget")),
    case("hospital-asking-it-help-all-three", said(
        "Our hospital needs a new IT provider.", employees=2000, monthly_budget=500),
         "screened_out", ("not_msp", "too_large", "under_budget")),
    case("hospital-group-all-three", said(
        "We are a hospital group with 2,000 staff and a small budget, interviewing MSPs for "
        "our help desk.", employees=2000, monthly_budget=500),
         "screened_out", ("not_msp", "too_large", "under_budget")),
    case("large-msp-under-budget-only-two", said(
        "We are a 2,000-person MSP with a small budget for a pilot.", employees=2000,
        monthly_budget=500), "screened_out", ("too_large", "under_budget")),
]

TIRE_KICKERS = [
    case("interest-pricing-only", said("", interest="pricing_only"), "queued", flags=TK),
    case("how-much-charge", said("How much do you charge?"), "queued", flags=TK),
    case("whats-your-price", said("What's your price?"), "queued", flags=TK),
    case("send-pricing", said("Send me your pricing."), "queued", flags=TK),
    case("per-hour", said("how much per hour?"), "queued", flags=TK),
    case("what-does-it-cost", said("what does it cost"), "queued", flags=TK),
    case("price-list-please", said("price list please"), "queued", flags=TK),
    case("ballpark", said("Ballpark cost for a campaign?"), "queued", flags=TK),
    case("greeting-and-sign-off", said("Hi,\nHow much do you charge?\nThanks\nRegards, Bob"),
         "queued", flags=TK),
    case("how-are-you-then-price", said("Hi, how are you? What\u2019s your price?"),
         "queued", flags=TK),
    case("introduction-then-price", said(
        "We're a 10-person MSP in Ohio. How much would 20 appointments cost?"),
         "queued", flags=TK),
    case("curious-about-pricing", said("Hi there! Just curious about pricing."),
         "queued", flags=TK),
    case("want-to-know-prices", said("Just want to know your prices, thanks!"),
         "queued", flags=TK),
    case("price-only-and-under-budget", said("What are your rates?", monthly_budget=500),
         "screened_out", ("under_budget",), TK),
    case("several-price-questions", said(
        "Is it priced per meeting or per month? And what would a normal month run us?"),
         "queued", flags=TK),
    case("charge-fee-discount", said(
        "What do you charge per appointment? Is there an onboarding fee? Any discount for "
        "paying a year upfront?"), "queued", flags=TK),
    case("whats-without-apostrophe", said("whats the cost for 15 appts"), "queued", flags=TK),
    case("pricing-info-please", said("Pricing info please."), "queued", flags=TK),
    case("what-you-charge", said("My manager wants to know what you charge."), "queued",
         flags=TK),
    case("what-kind-of-investment", said("What kind of investment are we talking about?"),
         "queued", flags=TK),
    case("what-budget-do-we-need", said("What budget do we need for a campaign?"), "queued",
         flags=TK),
    case("do-you-have-a-price-sheet", said("Do you have a price sheet?"), "queued", flags=TK),
    case("minimum-spend", said("What's the minimum spend?"), "queued", flags=TK),
    case("just-want-a-number", said(
        "We're an MSP. Just want a number for 20 appointments."), "queued", flags=TK),
    case("pricing-basis-and-the-figure", said(
        "Is your pricing per hour or per lead, and what's the real figure?"), "queued",
         flags=TK),
    case("wondering-what-your-rates-look-like", said(
        "Hi there, hope you are well. We are a small MSP near Chicago. I was wondering what "
        "your rates look like for a typical MSP our size. Looking forward to hearing from "
        "you. Best regards, Steve"), "queued", flags=TK),
]

NOT_TIRE_KICKERS = [
    case("price-and-call", said("How much do you charge, and can we schedule a call?"),
         "queued"),
    case("proposal-and-pricing", said("Please send a proposal and pricing"), "queued"),
    case("cost-and-targeting", said(
        "what does it cost and how do you target the decision makers?"), "queued"),
    case("how-campaigns-work-and-price", said(
        "how do your campaigns work and what is the price?"), "queued"),
    case("own-prices-competitive", said("Our prices are competitive and we want to grow."),
         "queued"),
    case("raised-own-prices", said(
        "We've raised our managed services prices and need more clients."), "queued"),
    case("sells-at-fixed-pricing", said("We sell at fixed monthly pricing to our clients."),
         "queued"),
    case("price-and-canada", said(
        "What's your price? Also, do you work with MSPs in Canada?"), "queued"),
    case("how-much-experience", said("How much experience do you have with MSPs?"),
         "queued"),
    case("success-rate", said("What is your success rate?"), "queued"),
    case("call-to-discuss-pricing", said("Can you call me to discuss pricing?"), "queued"),
    case("whats-included-and-cost", said("What's included, and what does it cost?"), "queued"),
    case("price-and-availability", said("Pricing and availability please"), "queued"),
    case("how-many-meetings-and-cost", said(
        "How many meetings does a typical month bring, and what does it cost?"), "queued"),
    case("how-much-do-you-know", said(
        "How much do you know about healthcare IT? We sell to clinics."), "queued"),
    case("budget-and-how-campaigns-work", said(
        "We have a budget of 3k a month. How do your campaigns work?"), "queued"),
    case("a-number-of-appointments", said("We want a number of appointments with CFOs."),
         "queued"),
    case("do-you-have-availability", said("Do you have availability in May?"), "queued"),
    case("pricing-basis-and-phone-number", said(
        "Is your pricing per hour? And what's your phone number?"), "queued"),
    case("actual-number-of-meetings", said("What's the actual number of meetings we'd get?"),
         "queued"),
    case("price-and-how-you-choose", said(
        "Is it priced per meeting? And how do you pick which companies to call?"), "queued"),
    case("price-and-a-walk-through", said(
        "Send us your pricing. We'd want whoever bids to come onsite for a walk-through "
        "first."), "queued"),
    case("price-and-a-time-to-come-see-us", said(
        "What are your rates? I can set up a time for you to come see our office."),
         "queued"),
]

# The IT provider an end user already has: its contract running out, its service
# slipping; beside a provider speaking the same way of its lead vendor or its own MSP.
CURRENT_PROVIDERS = [
    case("contract-with-our-msp-ends", said(
        "Our contract with our managed services provider ends in June and the board wants "
        "three bids."), "screened_out", NOT_MSP),
    case("contract-with-our-lead-gen-company-ends", said(
        "Our contract with our lead gen company ends in June and we want better "
        "appointments."), "queued"),
    case("contract-with-our-provider-ends", said(
        "Our contract with our provider ends in June; we want a new appointment setting "
        "firm."), "queued"),
    case("our-msps-service-went-downhill", said(
        "Our MSP just got bought by a bigger company and service went downhill fast. "
        "4 clinics."), "screened_out", NOT_MSP),
    case("our-msp-revenue-went-downhill", said(
        "Our MSP revenue went downhill last year and we need appointments."), "queued"),
    case("our-msp-got-acquired", said(
        "Our MSP just got acquired and the new owners want more appointments."), "queued"),
]

# The one IT person inside an organisation in another line of business, beside a
# consultant who is the IT person for its clients.
IN_HOUSE_IT = [
    case("only-it-person-for-the-sheriffs-office", said(
        "I'm the only IT person for the sheriff's office. Looking for a partner for "
        "after-hours coverage."), "screened_out", NOT_MSP),
    case("it-guy-for-a-dental-practice", said(
        "I'm the IT guy for a dental practice and two law firms. Need appointments."),
         "queued"),
    case("only-it-person-for-three-dental-offices", said(
        "I'm the only IT person for three dental offices and want to grow."), "queued"),
]

# An end user asking the price of IT help for itself, beside a provider asking the
# price of what we sell in the same words.
IT_PRICE_QUESTIONS = [
    case("price-for-monthly-computer-support", said("price for monthly computer support?"),
         "screened_out", NOT_MSP, TK),
    case("how-much-for-it-companies-like-us", said("How much for IT companies like us?"),
         "queued", flags=TK),
    case("how-much-for-someone-to-manage-our-computers", said(
        "how much for someone to manage our gym's computers and wifi per month?"),
         "screened_out", NOT_MSP, TK),
    case("charge-per-appointment-for-managed-it-prospects", said(
        "What do you charge per appointment for managed IT prospects?"), "queued",
         flags=TK),
    case("charge-per-workstation-for-managed-it", said(
        "What do you charge per workstation per month for managed IT? We have 14."),
         "screened_out", NOT_MSP, TK),
    case("we-price-per-workstation", said("We price per workstation and need more clients."),
         "queued"),
]

# Asking in passing: the article left out, a machine's age, a helper "local-ish (near
# us)", "what we need is...", "a real IT company"; beside a provider saying the same of
# its clients' machines or its own selling.
ASKING_IN_PASSING = [
    case("pos-keeps-freezing-no-article", said(
        "tasting room POS keeps freezing and our office pc is like 10 yrs old. need someone "
        "local-ish (Paso Robles area) to take care of it"), "screened_out", NOT_MSP),
    case("client-servers-keep-crashing", said(
        "Client servers keep crashing and we need someone to take care of it overnight."),
         "queued"),
    case("computer-in-the-shop-keeps-getting-viruses", said(
        "computer in the shop keeps getting virus's, need someone to take care of it"),
         "screened_out", NOT_MSP),
    case("laptops-at-client-sites-keep-getting-viruses", said(
        "Laptops at client sites keep getting viruses, so we sell managed AV. Need "
        "appointments."), "queued"),
    case("own-server-is-ten-years-old", said("Our server is 10 years old."),
         "screened_out", NOT_MSP),
    case("own-it-business-is-fifteen-years-old", said(
        "Our IT business is 15 years old and we need appointments."), "queued"),
    case("what-we-need-is-someone-for-our-network", said(
        "We're a commercial printer. What we actually need is someone to manage the "
        "prepress network and the 60 PCs."), "screened_out", NOT_MSP),
    case("what-we-need-is-someone-to-book-meetings", said(
        "What we need is someone to book meetings with IT directors."), "queued"),
    case("a-real-it-company-for-our-computers", said(
        "We're looking for a real IT company to take responsibility for the office "
        "computers and backups."), "screened_out", NOT_MSP),
    case("a-real-it-decision-maker", said("We want a real IT decision maker on every call."),
         "queued"),
]

ROLES_AND_SPAM = [
    case("technician", said("", role="technician"), "queued", flags=NDM),
    case("other-role", said("", role="other"), "queued", flags=NDM),
    case("technician-pricing-only", said("", role="technician", interest="pricing_only"),
         "queued", flags=TK + NDM),
    case("screened-out-keeps-flags", said(
        "How much do you charge?", company_type="business", role="other"),
         "screened_out", NOT_MSP, TK + NDM),
    case("honeypot", said("", company_fax="555-0100"), "spam"),
    case("honeypot-beats-everything", said(
        "How much?", company_fax="x", company_type="business", employees=9000,
        monthly_budget=0, role="technician"), "spam"),
    case("whitespace-honeypot-is-not-spam", said("", company_fax="  \t\n "), "queued"),
]

# The fourth corpus's lessons, each end user beside its provider look-alike.
BUYING_IN_OTHER_WORDS = [
    case("it-department-supplements-its-staff", said(
        "Our IT department would like to supplement internal staff with a managed service "
        "partner for after-hours desktop support."), "screened_out", NOT_MSP),
    case("provider-supplements-clients-staff", said(
        "We supplement our clients' internal IT staff with after-hours desktop support and "
        "want more meetings."), "queued"),
    case("cio-lines-up-security-providers", said(
        "Our CIO asked me to line up three managed security providers for an MDR "
        "evaluation."), "screened_out", NOT_MSP),
    case("provider-meets-cios-evaluating-providers", said(
        "We need you to line up meetings with CIOs evaluating managed security providers."),
         "queued"),
    case("hotel-wifi-redone", said("Our hotel needs the guest wifi redone before summer."),
         "screened_out", NOT_MSP),
    case("provider-redoes-hotel-wifi", said(
        "We redo guest wifi for hotels and need meetings with hotel general managers."),
         "queued"),
    case("practice-needs-help-moving-to-a-server", said(
        "We need help moving our patient x-rays and imaging to a new server."),
         "screened_out", NOT_MSP),
    case("provider-helps-practices-move", said(
        "We help practices moving their x-rays to a new server and need more meetings."),
         "queued"),
    case("broker-wants-secure-access", said(
        "Our broker wants someone to set up a secure way to get to the transaction files."),
         "screened_out", NOT_MSP),
    case("provider-sets-up-secure-access", said(
        "We set up a secure way for law firms to reach their files and want more partner "
        "meetings."), "queued"),
    case("health-system-rfp-for-desktop-support", said(
        "Our health system (2,300 employees) is issuing an RFP for managed desktop support.",
        employees=2300), "screened_out", NOT_MSP + ("too_large",)),
    case("provider-stretched-thin-nobody-doing-outbound", said(
        "Our team is stretched thin - 9 engineers and nobody doing outbound. Our clinics "
        "love us."), "queued"),
]

PRICE_QUESTIONS_IN_OTHER_WORDS = [
    case("bakery-prices-looking-after-its-computers", said(
        "how much do you charge to look after 12 computers at our bakery?",
        monthly_budget=500), "screened_out", NOT_MSP + ("under_budget",), TK),
    case("provider-prices-appointments-with-practices", said(
        "How much do you charge to set up appointments with practices that have 12 "
        "computers?"), "queued", flags=TK),
    case("office-prices-monthly-support", said(
        "what would monthly support cost for a 20 person accounting office? we have one "
        "server"), "screened_out", NOT_MSP, TK),
    case("question-mark-ends-the-price-clause", said(
        "Hi, how much for a monthly plan covering 4 laptops and a NAS? Small design studio."),
         "screened_out", NOT_MSP, TK),
    case("price-and-a-call-in-one-clause", said(
        "How much for a campaign, and can you call me?"), "queued"),
    case("price-set-aside-asks-how-it-works", said(
        "I don't need the price yet, just want to understand how the handoff works."),
         "queued"),
    case("kindly-advise-your-rates", said(
        "Kindly advise your rates for an outbound campaign."), "queued", flags=TK),
    case("pricing-and-to-discuss", said(
        "Would like pricing and to discuss a campaign recruiting MSP partners."), "queued"),
    case("long-price-question", said(
        "cost for 1 month of cold calling to dental offices in NJ?"), "queued", flags=TK),
]

# The fifth corpus's lessons: oblique end users beside providers using the same words.
# Price questions in more wordings, several at once, and their look-alikes that ask more.
PRICE_ASKED_SEVERAL_WAYS = [
    case("retainer-or-per-meeting-and-onboarding-fee", said(
        "Retainer or per meeting? And is there an onboarding fee."), "queued", flags=TK),
    case("minimum-commitment-in-dollars", said("Whats the minimum commitment in dollars?"),
         "queued", flags=TK),
    case("curious-what-it-would-cost", said(
        "Curious what a three month campaign like the one in your article would cost. "
        "Roughly."), "queued", flags=TK),
    case("contract-minimum-and-what-it-comes-to", said(
        "Is there a contract minimum, and what does that come to in dollars? Also what's "
        "the per-appointment cost after that?"), "queued", flags=TK),
    case("price-per-meeting-with-a-decision-maker", said(
        "How much per meeting with a decision maker?"), "queued", flags=TK),
    case("price-and-whether-callers-use-our-crm", said(
        "I need your price per appointment and whether your callers can work inside our "
        "CRM."), "queued"),
    case("meetings-with-decision-makers-then-price", said(
        "We need meetings with decision makers. Are you able to target credit unions? What "
        "do you charge?"), "queued"),
    # shorthand, other spellings, a follow-up question about the same prices
    case("rate-sheet-pls", said("rate sheet pls"), "queued", flags=TK),
    case("rate-sheet-pls-and-a-calendar-link", said(
        "rate sheet pls, and a calendar link so we can talk it through"), "queued"),
    case("tarifs-merci", said(
        "Bonjour, we are 6 technicians in Quebec. What are your tarifs for cold calling? "
        "Merci"), "queued", flags=TK),
    case("packages-and-what-they-run", said("got packages? what do they run"),
         "queued", flags=TK),
    case("per-hour-or-monthly-and-what-are-they", said(
        "Is your pricing per caller hour or a monthly flat fee, and what is it"),
         "queued", flags=TK),
    case("price-and-also-if-you-cover-canada", said(
        "I would like the price and also if you can call into Canada."), "queued"),
    case("price-then-which-verticals-without-a-question-mark", said(
        "fees please and also which verticals do your callers know best"), "queued"),
    # more wordings of the price alone, beside the same price with something more
    case("what-would-meetings-set-us-back", said("What would 15 booked meetings set us back?"),
         "queued", flags=TK),
    case("budget-needed", said("Budget needed?"), "queued", flags=TK),
    case("which-rates-do-you-have", said("Which rates do you have for a 6 month campaign?"),
         "queued", flags=TK),
    case("whats-the-number", said("What's the number? Just tell me and I'll decide."),
         "queued", flags=TK),
    case("whats-the-number-to-call", said(
        "What's the number to call you on? I'd like to talk."), "queued"),
    case("setup-fee-and-is-the-monthly-fixed", said(
        "Is there a setup fee on top of the monthly? And is the monthly fixed or does it go "
        "up with volume?"), "queued", flags=TK),
    case("pricing-for-a-program-targeting-dentists", said(
        "Need pricing for a 90 day program targeting dental practices in Ohio."),
         "queued", flags=TK),
    case("pricing-and-can-you-target-dentists", said(
        "Need pricing, and can you target dental practices in Ohio?"), "queued"),
    case("revert-with-the-commercials", said(
        "Please revert with the commercials for a 3 month campaign."), "queued", flags=TK),
    case("what-this-runs-per-month", said("Curious what this runs per month."),
         "queued", flags=TK),
    case("boss-requests-the-cost", said(
        "My boss requests the cost of your appointment setting."), "queued", flags=TK),
    case("whats-the-monthly-retainer", said("What's the monthly retainer?"),
         "queued", flags=TK),
    case("pricing-and-slots-for-a-call", said(
        "Send pricing and a few slots next week for a call."), "queued"),
    case("radio-commercials-then-what-you-charge", said(
        "Have you done radio commercials for MSPs? What do you charge?"), "queued"),
    case("cost-and-if-you-have-worked-with-labs", said(
        "What's the monthly cost and if you've worked with dental labs before?"), "queued"),
    # a quoted request is someone else's: it asks nothing of us
    case("price-first-quoted-call-is-a-complaint", said(
        "What does it cost, in dollars? The last agency wanted to 'jump on a call' three "
        "times before naming a number."), "queued", flags=TK),
]

# A provider telling of its own office, or of what everybody else wants, beside the end
# user who says the same of itself.
PROVIDERS_OWN_STORIES = [
    case("provider-own-phones-down-wants-more-clients", said(
        "Our own phones went down for half a day last month; it showed how much our "
        "clients lean on us. We want to grow from 40 clients to 70 this year."), "queued"),
    case("end-user-phones-down-asks-for-help", said(
        "Our phones went down for half a day last month and the server is slow. Can you "
        "help?"), "screened_out", NOT_MSP),
    case("law-office-phones-down-wants-more-clients", said(
        "We're a small law office. Our phones were down for four hours last week. We want "
        "more clients too."), "screened_out", NOT_MSP),
    case("provider-says-what-everybody-and-nobody-wants", said(
        "Clients changed: everybody wants Teams and SharePoint now, nobody wants a server "
        "on site. We rebuilt our stack around that and want meetings with firms that "
        "haven't moved."), "queued"),
    case("end-user-nobody-here-can-fix-the-network", said(
        "Nobody in our office can fix the network, can you help?"), "screened_out", NOT_MSP),
    # how long it has been a provider; what it targets is not its own line of business;
    # an estimate "by email" asks for no email service
    case("provider-since-2011-started-in-a-garage", said(
        "We've been a managed services provider since 2011, started doing break/fix out of "
        "my garage. Now 18 people. We need meetings with clinic owners."), "queued"),
    case("provider-targets-architecture-firms", said(
        "We're targeting architecture and engineering firms in Denver, 10-50 staff. Please "
        "send a quote."), "queued", flags=TK),
    case("architecture-firm-asks-a-quote-for-its-computers", said(
        "We're an architecture firm in Denver, 14 staff. Please send a quote for managing "
        "our computers."), "screened_out", NOT_MSP, TK),
    case("provider-wants-the-quote-by-email", said(
        "Need a quote for a 3-month calling program. No call needed, just the quote by "
        "email please."), "queued", flags=TK),
    # wanting what we sell excuses a story of broken IT, never a request for IT help
    case("end-user-wants-more-clients-and-someone-for-the-plant-floor", said(
        "We want more clients this year. Honestly we need someone to take care of all of "
        "it on the plant floor."), "screened_out", NOT_MSP),
]

OBLIQUE_END_USERS_AND_PROVIDERS = [
    case("salon-asks-to-send-someone", said(
        "I have 2 hair salons, the booking computer and the card machine not working "
        "together since the update. my cousin fixed it before but he is away. can you send "
        "someone?"), "screened_out", NOT_MSP),
    case("provider-sends-techs-to-salons", said(
        "We send techs to hair salons when the booking computer breaks; we want more salon "
        "owners as clients."), "queued"),
    case("lab-must-move-to-windows-11", said(
        "we do crowns and bridges. the scanner vendor says we need to be on windows 11. can "
        "your company do this?"), "screened_out", NOT_MSP),
    case("provider-whose-niche-is-labs-asks-can-you-do-this", said(
        "Dental labs are a weird little niche and we own it: labs with scanners on old "
        "Windows PCs. We'd like appointment setting with lab owners. Can your company do "
        "this?"), "queued"),
    case("cleaning-company-boss-wants-someone-on-call", said(
        "office admin at a commercial cleaning co. boss wants someone on call for when the "
        "email breaks.", role="other"), "screened_out", NOT_MSP, NDM),
    case("bakery-with-shops-looking-for-somebody", said(
        "Bakery w 3 shops, looking for somebody to handle our computers + cameras, do u do "
        "that?"), "screened_out", NOT_MSP),
    case("health-system-tech-seeks-outside-companies", said(
        "I'm a desktop support tech at a health system. My manager asked me to look for "
        "outside companies that can help us with a Windows 11 rollout.", employees=2300,
        role="technician"), "screened_out", NOT_MSP + ("too_large",), NDM),
    case("freight-company-outsources-its-overnight-help-desk", said(
        "helpdesk lead at a freight company. management approved outsourcing our overnight "
        "help desk and server monitoring."), "screened_out", NOT_MSP),
    case("property-manager-prices-managed-computers", said(
        "what would it cost to have you guys manage the computers in our leasing offices?"),
         "screened_out", NOT_MSP, TK),
    case("district-wants-an-e-rate-partner", said(
        "We're looking for an E-Rate eligible partner to replace the wireless in our 9 "
        "campuses."), "screened_out", NOT_MSP),
    case("reseller-team-manager-is-a-provider", said(
        "I manage the state and local / education team at a large reseller. I want to test "
        "appointment setting with K-12 districts.", employees=920), "screened_out",
         ("too_large",)),
    case("clinic-manager-unhappy-with-its-it-company", said(
        "The clinic I manage is unhappy with our current IT company."), "screened_out",
         NOT_MSP),
    case("installers-refer-their-customers-to-a-provider", said(
        "Alarm installers around here refer their customers to us when the camera recorder "
        "needs its own network. I'd like to find small retailers directly."), "queued"),
    case("remote-access-kicks-preparers-off", said(
        "18 preparers and the remote access keeps kicking people off. we just need somebody "
        "who can fix this before april."), "screened_out", NOT_MSP),
    case("what-youd-charge-for-a-campaign", said(
        "We're an MSP for HVAC contractors. want to know what you'd charge monthly for a "
        "campaign."), "queued", flags=TK),
    case("tell-me-what-your-rates-are", said(
        "Could you tell me what your rates are for an appointment setting campaign?"),
         "queued", flags=TK),
    case("cheapest-package", said("whats the cheapest package u have"), "queued", flags=TK),
]

# The sixth corpus's lessons: one-line troubles and long stories, both ways.
SHORT_AND_LONG_MESSAGES = [
    case("counter-pc-can-someone-come-today", said(
        "pc at the front counter wont print tickets to the kitchen anymore. can someone "
        "come today"), "screened_out", NOT_MSP),
    case("tablet-logs-out-members-is-this-something-you-fix", said(
        "front desk check-in tablet keeps logging out members, is this something you guys "
        "fix?"), "screened_out", NOT_MSP),
    case("provider-clients-tablets-log-out", said(
        "Our clients' check-in tablets keep logging out members and we fix that all day; we "
        "want more gyms as clients."), "queued"),
    case("blue-screen-you-can-repair", said(
        "good day, my shop have problem with the cash computer, it show blue screen every "
        "morning. you can repair?"), "screened_out", NOT_MSP),
    case("no-backup-need-someone-asap", said(
        "our office still has no backup of the tax returns on the server. need someone "
        "asap"), "screened_out", NOT_MSP),
    case("loans-a-month-email-bouncing", said(
        "we close about 60 loans a month and our encrypted email keeps bouncing. whos "
        "available"), "screened_out", NOT_MSP),
    case("price-for-installing-a-printer", said(
        "price for installing a network printer and 2 pcs in my office?"), "screened_out",
         NOT_MSP, TK),
    case("provider-price-for-appointments", said(
        "price for setting up appointments with offices that need new computers?"), "queued",
         flags=TK),
    case("covers-a-night-pos-goes-down", said(
        "our 3 locations serve about 900 covers a night and the POS network goes down every "
        "friday. need a real fix not another reboot"), "screened_out", NOT_MSP),
    case("small-bakery-wifi-for-customers", said(
        "we have a small bakery and want to install cameras and wifi for customers, do you "
        "do this service?"), "screened_out", NOT_MSP),
    case("provider-has-a-bakery-as-a-client", said(
        "We have a bakery as a client and installed their cameras; we want more shops."),
         "queued"),
    case("people-dentists-call", said(
        "we're the people dentists call when the xray pc freezes. want more dentists "
        "calling"), "queued"),
    case("partner-that-can-run-a-test", said(
        "I'm looking for a partner that can run a 90-day test across three regions; the "
        "retailer whose checkout failed is our best story."), "queued"),
    case("their-customers-drive-trucks", said(
        "Our audience doesn't attend webinars, they drive trucks and run grain elevators. We "
        "want leads from real calls."), "queued"),
    case("quote-and-install-is-more-than-a-price", said(
        "We are opening new office in Miami (import fruits), need internet, 6 computers and "
        "phone system, can you quote and install?"), "screened_out", NOT_MSP),
    case("long-story-then-only-the-price", said(
        "The chiropractor told me 'I wish I found you five years ago,' which made my day. "
        "We've done telemarketing before with mixed results. Just tell me how much a "
        "telemarketing campaign costs."), "queued", flags=TK),
    case("minimum-monthly", said("whats the minimum monthly?"), "queued", flags=TK),
    case("took-care-of-our-computers-is-this-something-you-could-take-on", said(
        "Ron took care of all our computers but he retired. Is this something you could take "
        "on for us?"), "screened_out", NOT_MSP),
]

# End users in words no phrase list holds, read by the word model (capture.screening_model),
# each beside a provider describing the same things as its clients' (the phrase rules
# keep those, and the model is never asked about them).
WORDS_NO_LIST_HOLDS = [
    case("dental-x-ray-software-retired", said(
        "Hi, we're a 3 chair practice, mostly crowns and bridges. The guy who set up our "
        "computers and the x-ray software retired in the spring. Is this something you do?",
        company="Marsh Family Dental"), "screened_out", NOT_MSP),
    case("provider-x-ray-pcs-for-dentists", said(
        "We set up x-ray PCs and imaging software for dentists all over the valley.",
        company="ToothTech"), "queued"),
    case("register-pc-freezes-who-do-i-talk-to", said(
        "the register pc freezes every morning and the card reader drops out. who do i talk "
        "to", company="Corner Market"), "screened_out", NOT_MSP),
    case("provider-registers-for-corner-markets", said(
        "We keep registers, card readers and back-office PCs running for 40 corner markets.",
        company="Summit Managed IT"), "queued"),
    case("lawyers-cannot-open-pdfs", said(
        "Three of our lawyers can't open PDFs since the update, and the copier stopped "
        "scanning to email. Who handles that?", company="Baker & Lowe LLP"),
         "screened_out", NOT_MSP),
    case("parish-laptop-and-hall-wifi", said(
        "The parish office laptop is very old and the wifi in the hall does not reach. Could "
        "you come and have a look?", company="Saint Luke Parish"), "screened_out", NOT_MSP),
    case("provider-shop-floor-pcs-for-machine-shops", said(
        "We look after the CNC programming PCs and shop-floor networks for a dozen machine "
        "shops.", company="Ridge IT"), "queued"),
    case("nail-salon-card-machine-in-plain-words", said(
        "hi, card machine and computer not talk since update, customers wait long. please "
        "help", company="Kim's Nails"), "screened_out", NOT_MSP),
    case("provider-front-desk-pcs-for-salons", said(
        "Most of our day is fixing front desk PCs and card readers for nail salons and "
        "barbers.", company="Harbor Tech"), "queued"),
    case("provider-backup-service-meetings", said(
        "Looking for a partner to set meetings for our backup and disaster recovery service.",
        company="Harbor Backup"), "queued"),
]

TABLE = (QUEUED_PROVIDERS + PROVIDERS_NAMING_CLIENTS + DECLARED_NON_PROVIDERS
         + END_USERS_WHO_PICKED_MSP + LINE_OF_BUSINESS + ASKING_IN_OTHER_WORDS + OWN_CUSTOMERS
         + MORE_LINES_OF_BUSINESS + PROVIDERS_IN_OTHER_WORDS + REQUESTS_IN_EVERYDAY_WORDS
         + WHO_SPEAKS + TROUBLE_WITHOUT_ASKING + IN_OTHER_LANGUAGES_WORDS
         + QUOTED_SPEECH
         + SIZE_AND_BUDGET + TIRE_KICKERS
         + NOT_TIRE_KICKERS + CURRENT_PROVIDERS
         + IN_HOUSE_IT
         + IT_PRICE_QUESTIONS
         + ASKING_IN_PASSING
         + BUYING_IN_OTHER_WORDS + PRICE_QUESTIONS_IN_OTHER_WORDS
         + OBLIQUE_END_USERS_AND_PROVIDERS + PROVIDERS_OWN_STORIES + SHORT_AND_LONG_MESSAGES
         + WORDS_NO_LIST_HOLDS + PRICE_ASKED_SEVERAL_WAYS
         + ROLES_AND_SPAM)


@pytest.mark.parametrize(("submission", "status", "reasons", "flags"), [
    row for row in WORDS_NO_LIST_HOLDS if row.values[1] == "screened_out"])
def test_the_word_model_alone_finds_these_end_users(submission, status, reasons, flags):
    """With the model off the phrase rules queue them: the verdict is the model's, and
    its reason quotes the sender's clause and the words that weighed most."""
    assert screen(submission, rules_from_config({"SCREEN_MODEL_THRESHOLD": 0})).status \
        == "queued"
    (reason,) = screen(submission).reasons
    assert reason.sentence.startswith("Reads as an end user asking IT help for itself")
    assert "the words that weigh most: \u201c" in reason.sentence
    assert reason.evidence in submission["message"]


def ids(items):
    return tuple(item.id for item in items)


@pytest.mark.parametrize(("submission", "status", "reasons", "flags"), TABLE)
def test_submission_gets_the_expected_status_reasons_and_flags(
        submission, status, reasons, flags):
    verdict = screen(submission)
    assert (verdict.status, ids(verdict.reasons), ids(verdict.flags)) == (
        status, reasons, flags)


@pytest.mark.parametrize(("submission", "status", "reasons", "flags"), TABLE)
def test_every_reason_and_flag_explains_itself_with_evidence(
        submission, status, reasons, flags):
    verdict = screen(submission)
    for item in verdict.reasons + verdict.flags:
        assert item.sentence.strip()
        assert item.evidence.strip()


@pytest.mark.parametrize(("submission", "status", "reasons", "flags"), TABLE)
def test_phrase_evidence_quotes_the_senders_own_words(submission, status, reasons, flags):
    verdict = screen(submission)
    fields = {submission.get(name) for name in ("company_type", "interest", "website")}
    message = submission.get("message", "")
    for item in verdict.reasons + verdict.flags:
        if item.id in ("not_msp", "tire_kicker") and item.evidence not in fields:
            assert item.evidence.casefold() in message.casefold()
            assert item.evidence in item.sentence


@pytest.mark.parametrize(("submission", "status", "reasons", "flags"), TABLE)
def test_every_quotation_in_a_not_msp_sentence_is_the_senders_own_words(
        submission, status, reasons, flags):
    for reason in screen(submission).reasons:
        fields = (submission.get("company_type"), submission.get("website"))
        if reason.id == "not_msp" and reason.evidence not in fields:
            quoted = re.findall("\u201c(.+?)\u201d", reason.sentence)
            assert quoted
            assert all(q in submission["message"] for q in quoted)


# Trades the vocabulary learned from a list of kinds of organisation; each names the
# sender's line of business, and the same words as a provider's client do not.
MORE_TRADES = [
    "boarding kennel", "pilates studio", "learning center", "tattoo parlor", "cemetery",
    "animal rescue", "thrift store", "city council", "port authority", "trade association",
    "hospice", "imaging center", "testing lab", "tree service", "warehouse",
    "courier service", "golf course", "liquor store", "clothing store", "car wash",
    "sign company", "packaging company", "food processor", "meat packer", "vineyard",
    "grain elevator", "oil company", "solar installer", "design studio", "recording studio",
    "private investigator", "tour operator", "casino", "bowling alley", "escape room",
    "retirement community", "family office", "hedge fund", "private equity firm",
    "bookkeeping service", "notary", "appraisal firm", "home inspection company",
]


def a_or_an(kind):
    return ("an " if kind[0] in "aeiou" else "a ") + kind


@pytest.mark.parametrize("kind", MORE_TRADES)
def test_a_sender_in_a_trade_is_not_a_provider(kind):
    assert ids(screen(said(f"We're {a_or_an(kind)}.")).reasons) == NOT_MSP


@pytest.mark.parametrize("kind", MORE_TRADES)
def test_a_provider_whose_client_is_in_a_trade_is_queued(kind):
    assert screen(said(f"We're an MSP whose clients include {a_or_an(kind)}.")).reasons == ()


def test_not_msp_quotes_the_organisation_and_the_request_as_written():
    message = ("We\u2019re a civil engineering firm of 28. Looking for someone to look after "
               "our plotters and file server.")
    (reason,) = screen(said(message)).reasons
    assert "\u201cWe\u2019re a civil engineering firm of 28.\u201d" in reason.sentence
    assert reason.evidence == "Looking for someone to look after our plotters and file server."
    assert f"\u201c{reason.evidence}\u201d" in reason.sentence


def test_a_line_of_business_alone_is_quoted_as_the_evidence():
    (reason,) = screen(said("We're a digital marketing agency. We want meetings with "
                            "dentists.")).reasons
    assert reason.evidence == "We're a digital marketing agency."
    assert "line of business" in reason.sentence


def test_evidence_keeps_the_senders_curly_apostrophes():
    message = "Hello! We\u2019re a dental office and our server doesn\u2019t boot."
    (reason,) = screen(said(message)).reasons
    assert reason.evidence == "We\u2019re a dental office and our server doesn\u2019t boot."


def test_evidence_from_a_long_message_is_cut_around_the_request():
    filler = "We have been in business since 1998 and have grown every year " * 5
    message = f"{filler}and now our office needs a new server for the accounting team {filler}"
    (reason,) = screen(said(message)).reasons
    assert "needs a new server" in reason.evidence
    assert len(reason.evidence) <= 130
    assert reason.evidence in message


def test_declared_type_is_the_evidence_and_the_label_is_in_the_sentence():
    (reason,) = screen(said("", company_type="software_vendor")).reasons
    assert reason.evidence == "software_vendor"
    assert dict(COMPANY_TYPES)["software_vendor"] in reason.sentence


def test_website_evidence_is_the_address():
    website = "https://acme-dental.example/we-need-it-support"
    (reason,) = screen(said("", website=website)).reasons
    assert reason.evidence == website


def test_size_sentence_gives_headcount_and_limit_with_separators():
    (reason,) = screen(said("", employees=1200)).reasons
    assert "1,200" in reason.sentence
    assert "500" in reason.sentence
    assert reason.evidence == "1200"


def test_budget_sentence_gives_budget_and_minimum_with_separators():
    (reason,) = screen(said("", monthly_budget=1499)).reasons
    assert "1,499" in reason.sentence
    assert "1,500" in reason.sentence
    assert reason.evidence == "1499"


def test_flag_evidence_is_the_field_value():
    verdict = screen(said("", role="technician", interest="pricing_only"))
    assert [flag.evidence for flag in verdict.flags] == ["pricing_only", "technician"]


def test_spam_carries_no_reasons_or_flags():
    verdict = screen(said("How much?", company_fax="bot", employees=9999))
    assert (verdict.reasons, verdict.flags) == ((), ())


# --- rules_from_config ------------------------------------------------------

def test_missing_config_keys_keep_the_defaults():
    assert rules_from_config({"SECRET_KEY": "x", "SCREEN_UNKNOWN": "y"}) == DEFAULT_RULES
    assert (DEFAULT_RULES.max_employees, DEFAULT_RULES.min_monthly_budget) == (500, 1500)


@pytest.mark.parametrize(("value", "expected"), [("1000", 1000), (" 750 ", 750), (800, 800)])
def test_thresholds_come_from_strings_or_ints(value, expected):
    rules = rules_from_config({"SCREEN_MAX_EMPLOYEES": value, "SCREEN_MIN_MONTHLY_BUDGET": value})
    assert (rules.max_employees, rules.min_monthly_budget) == (expected, expected)


def test_a_higher_size_limit_lets_a_bigger_company_through():
    submission = said("", employees=800)
    assert screen(submission).status == "screened_out"
    assert screen(submission, rules_from_config({"SCREEN_MAX_EMPLOYEES": "1000"})).status == (
        "queued")


def test_a_lower_budget_minimum_lets_a_smaller_budget_through():
    submission = said("", monthly_budget=800)
    rules = rules_from_config({"SCREEN_MIN_MONTHLY_BUDGET": 500})
    assert screen(submission, rules).reasons == ()
    (reason,) = screen(said("", monthly_budget=400), rules).reasons
    assert "$500" in reason.sentence


@pytest.mark.parametrize("value", [
    "need a plumber, fix our sink",
    ["need a plumber", "fix our sink"],
])
def test_a_configured_phrase_list_replaces_the_default(value):
    # The word model off: it would read the server request below as an end user's.
    rules = rules_from_config({"SCREEN_OWN_IT_REQUESTS": value, "SCREEN_MODEL_THRESHOLD": 0})
    assert rules.own_it_requests == ("need a plumber", "fix our sink")
    assert ids(screen(said("We need a plumber today."), rules).reasons) == NOT_MSP
    assert screen(said("We need a new server for our office."), rules).status == "queued"


def test_a_configured_phrase_with_capitals_still_ignores_case():
    rules = rules_from_config({"SCREEN_OWN_IT_REQUESTS": ["Need A Plumber"]})
    assert ids(screen(said("We NEED a plumber today."), rules).reasons) == NOT_MSP


def test_capital_it_is_the_noun_and_small_it_may_be_the_pronoun():
    assert ids(screen(said("We need help with IT.")).reasons) == NOT_MSP
    assert screen(said("We need help with it: the calls and the booking.")).reasons == ()


def test_evidence_keeps_its_place_beside_letters_that_grow_in_lower_case():
    message = "\u0130stanbul office here. We are a law firm and our server is down."
    (reason,) = screen(said(message)).reasons
    assert reason.evidence == "We are a law firm and our server is down."


def test_an_empty_phrase_list_switches_that_rule_off():
    rules = rules_from_config({"SCREEN_PRICE_ASKS": ""})
    assert screen(said("How much do you charge?"), rules).flags == ()


@pytest.mark.parametrize(("key", "value"), [
    ("SCREEN_MAX_EMPLOYEES", "lots"),
    ("SCREEN_MAX_EMPLOYEES", -5),
    ("SCREEN_MAX_EMPLOYEES", True),
    ("SCREEN_MAX_EMPLOYEES", 500.5),
    ("SCREEN_MIN_MONTHLY_BUDGET", "1,500.50"),
    ("SCREEN_MIN_MONTHLY_BUDGET", None),
    ("SCREEN_PRICE_ASKS", 42),
    ("SCREEN_CLIENT_CONTEXT", ["clients", 3]),
    ("SCREEN_OWN_IT_REQUESTS", ["(unclosed"]),
])
def test_junk_config_raises_an_error_naming_the_key(key, value):
    with pytest.raises(ValueError, match=key):
        rules_from_config({key: value})


# --- the phrase lists' own examples --------------------------------------------

PHRASES_SOURCE = Path(__file__).parent.parent / "capture" / "screening_phrases.py"


def documented_examples():
    """(list, example, caught) for every quoted example in the comment above each
    entry of a phrase list; examples after "not" or "nor" are what it must not catch."""
    cases = []
    name, comment = None, []
    for line in PHRASES_SOURCE.read_text("utf-8").splitlines():
        heading = re.match(r"([A-Z][A-Z_]*) = \($", line)
        if heading or line == ")":
            name, comment = heading and heading.group(1), []
            continue
        text = re.match(r"\s*# (.*)", line)
        if name and text:
            comment.append(text.group(1))
        elif name and comment:
            caught, *missed = re.split(r"\b(?:not|nor)\b", " ".join(comment), maxsplit=1)
            cases += [(name, quote, True) for quote in re.findall(r'"([^"]+)"', caught)]
            cases += [(name, quote, False) for quote in re.findall(r'"([^"]+)"', "".join(missed))]
            comment = []
    return cases


def test_documented_examples_are_found():
    assert len(documented_examples()) > 100


@pytest.mark.parametrize(("name", "example", "caught"), documented_examples())
def test_every_phrase_list_catches_its_documented_examples(name, example, caught):
    patterns = getattr(DEFAULT_RULES, name.lower())
    found = re.search(r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in patterns) + r")(?!\w)",
                      example, re.IGNORECASE)
    assert bool(found) == caught


# --- the tune corpus ---------------------------------------------------------

@pytest.mark.parametrize(("name", "ids_up_to"), TUNING_CORPORA)
def test_the_tune_corpus_meets_the_screening_targets(name, ids_up_to):
    """The issue's targets on naturally written submissions (bench/screening_eval.py
    prints the details and every mismatch)."""
    rows = tuning_rows(name, ids_up_to)
    pairs = [(row, screen(row["submission"])) for row in rows]

    def share(agrees):
        return sum(agrees(row["expected"], verdict) for row, verdict in pairs) / len(pairs)

    expected_not_msp = ["not_msp" in row["expected"]["reasons"] for row, _ in pairs]
    got_not_msp = ["not_msp" in ids(verdict.reasons) for _, verdict in pairs]
    both = sum(e and g for e, g in zip(expected_not_msp, got_not_msp, strict=True))
    providers_lost = [row["id"] for row, verdict in pairs
                      if row["expected"]["status"] == "queued" and verdict.status == "screened_out"]
    assert share(lambda e, v: v.status == e["status"]) >= 0.97
    assert share(lambda e, v: set(ids(v.reasons)) == set(e["reasons"])) >= 0.97
    assert share(lambda e, v: set(ids(v.flags)) == set(e["flags"])) >= 0.97
    # (tune8.jsonl holds providers' price questions only: no end user to find)
    assert both >= 0.95 * sum(expected_not_msp)
    assert both >= 0.97 * sum(got_not_msp)
    assert providers_lost == []


def test_the_tuning_part_of_tune2_is_its_first_150_cases():
    """Its last 50 cases are kept aside as a check on unseen wording: no test reads them,
    and the word model never learns from them."""
    assert ("tune2.jsonl", 150) in TUNING_CORPORA
    assert [row["id"] for row in tuning_rows("tune2.jsonl", 150)] == [
        f"C{number:03d}" for number in range(1, 151)]


# --- rules_version ----------------------------------------------------------

def test_rules_version_is_twelve_hex_digits_of_the_fingerprints_sha256():
    version = rules_version(DEFAULT_RULES)
    assert len(version) == 12
    assert version == hashlib.sha256(
        rules_fingerprint(DEFAULT_RULES).encode("utf-8")).hexdigest()[:12]


def test_rules_fingerprint_holds_the_code_version_thresholds_and_phrase_lists():
    fingerprint = json.loads(rules_fingerprint(DEFAULT_RULES))
    assert fingerprint["code"] == RULES_CODE_VERSION
    assert fingerprint["rules"]["max_employees"] == 500
    assert fingerprint["rules"]["price_asks"] == list(DEFAULT_RULES.price_asks)


def test_equal_rules_have_the_same_version():
    assert rules_version(rules_from_config({})) == rules_version(DEFAULT_RULES)


@pytest.mark.parametrize("config", [
    {"SCREEN_MAX_EMPLOYEES": 501},
    {"SCREEN_MIN_MONTHLY_BUDGET": 1499},
    {"SCREEN_PRICE_ASKS": ["how much"]},
    {"SCREEN_OWN_IT_REQUESTS": list(DEFAULT_RULES.own_it_requests) + ["need a plumber"]},
])
def test_any_changed_threshold_or_phrase_changes_the_version(config):
    assert rules_version(rules_from_config(config)) != rules_version(DEFAULT_RULES)


def test_rules_version_is_the_same_in_another_process():
    code = ("from capture.screening import DEFAULT_RULES, rules_version; "
            "print(rules_version(DEFAULT_RULES))")
    env = os.environ | {"PYTHONHASHSEED": "12345"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, env=env, cwd=os.path.dirname(os.path.dirname(__file__)))
    assert result.stdout.strip() == rules_version(DEFAULT_RULES)


# --- property ---------------------------------------------------------------

PHRASES = [
    "we need IT support", "our clients", "how much", "?", "our server is down", "we are an MSP",
    "can we schedule a call", "price list please", "\u2019", "  ", "\n", "for law firms",
    "help us with our network", "what's your price", "regards, Bob", ".", ";", "but",
]
messages = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(PHRASES), st.text(max_size=12)), max_size=25).map(
        " ".join),
)
submissions = st.fixed_dictionaries(
    {
        "company_type": st.sampled_from([value for value, _ in COMPANY_TYPES]),
        "role": st.sampled_from([value for value, _ in ROLES]),
        "interest": st.sampled_from([value for value, _ in INTERESTS]),
        "employees": st.integers(1, 1_000_000),
        "monthly_budget": st.integers(0, 10_000_000),
        "message": messages,
        "website": st.sampled_from(["", "https://example.com/we-need-it-support"]) | st.text(),
        "company_fax": st.sampled_from(["", " ", "\t\n", "x"]) | st.text(max_size=5),
    },
    optional={"name": st.text(max_size=20), "company": st.text(max_size=20)},
)


@settings(max_examples=300, deadline=1000)
@given(submissions)
def test_screen_never_fails_and_its_verdict_is_consistent(submission):
    verdict = screen(submission)
    assert verdict.status in {"queued", "screened_out", "spam"}
    assert (verdict.status == "spam") == bool(submission["company_fax"].strip())
    if verdict.status == "spam":
        assert (verdict.reasons, verdict.flags) == ((), ())
    else:
        assert (verdict.status == "screened_out") == bool(verdict.reasons)
        assert (submission["company_type"] not in PROVIDER_TYPES) <= (
            "not_msp" in ids(verdict.reasons))
    for item in verdict.reasons + verdict.flags:
        assert item.sentence
        assert item.evidence.strip()


def test_rules_are_a_plain_frozen_value():
    rules = ScreeningRules(max_employees=10)
    with pytest.raises(AttributeError):
        rules.max_employees = 20  # type: ignore[misc]


def test_compile_rules_leaves_nothing_to_compile_inside_a_request():
    """Every pattern screen() can reach is compiled at start (the app calls
    compile_rules), so no visitor's request pays about 0.7 s of regex compilation."""
    # Phrase lists of its own (one unmatchable entry more), so nothing is cached yet.
    rules = dataclasses.replace(DEFAULT_RULES, **{
        field.name: getattr(DEFAULT_RULES, field.name) + ("qqzzqq",)
        for field in dataclasses.fields(DEFAULT_RULES)
        if isinstance(getattr(DEFAULT_RULES, field.name), tuple)})
    compile_rules(rules)
    before = screening_module._compiled.cache_info().misses, (
        screening_module._compiled_at_end.cache_info().misses,
        screening_module._compiled_subject.cache_info().misses)
    for name, ids_up_to in TUNING_CORPORA:
        for row in tuning_rows(name, ids_up_to):
            screen(row["submission"], rules)
    after = screening_module._compiled.cache_info().misses, (
        screening_module._compiled_at_end.cache_info().misses,
        screening_module._compiled_subject.cache_info().misses)
    assert after == before
