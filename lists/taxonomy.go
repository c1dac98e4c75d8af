package lists

import (
	"fmt"
	"io"
	"regexp"
	"strings"
)

// Programme taxonomy: which programmes are crime-based, who designates them
// and on what legal basis (docs/lists.md). The tables below are curated data:
// each row cites the instrument it rests on in its Source column, so that an
// audit record can say not only "crime-based" but why.
//
// The OFAC rows cover every programme tag found in the OFAC files under
// testdata/ (SDN and consolidated, CSV and XML, 2020-2025) plus the tags
// docs/lists.md names that those files do not use (CYBER, CYBER3, CYBER4, SDT,
// BPI-SDNTK, ICC-EO14203). A tag not in the table is ClassUnknown: the
// screening layer treats that as "needs a person", never as "not crime".

// ProgramInfo is one row of the curated programme taxonomy.
type ProgramInfo struct {
	Body Body   // who designates
	Code string // the programme code as the source writes it: SDNTK, UKR, QD
	// Match, for EU rows only, is a regulation number ("208/2014") that the
	// regulation's numberTitle must contain for this row to apply; it splits
	// one EU code into regimes (UKR 208/2014 vs 269/2014). Empty matches any.
	Match      string
	Class      Class
	LegalBasis string // short form: "E.O. 14059", "Reg. (EU) 2020/1998", "UNSCR 1267 (1999)"
	Title      string // what the programme is about
	Source     string // citation of the instrument(s) the row rests on
}

// Program returns the row as a Program (without source-specific fields such
// as an EU numberTitle or publication URL).
func (p ProgramInfo) Program() Program {
	return Program{Code: p.Code, Class: p.Class, Body: p.Body, LegalBasis: p.LegalBasis, Title: p.Title}
}

// ofacTable: OFAC programme tags (brackets stripped). Legal bases are the
// executive orders, statutes and 31 CFR parts OFAC cites for each tag on its
// programme pages and in the Federal Register.
var ofacTable = []ProgramInfo{
	// crime: narcotics
	{Code: "SDNT", Class: ClassNarcotics, LegalBasis: "E.O. 12978", Title: "Narcotics traffickers (Colombia)", Source: "E.O. 12978 (1995); Narcotics Trafficking Sanctions Regulations, 31 CFR part 536"},
	{Code: "SDNTK", Class: ClassNarcotics, LegalBasis: "Kingpin Act, 21 U.S.C. 1901-1908", Title: "Foreign narcotics kingpins", Source: "Foreign Narcotics Kingpin Designation Act (1999); Foreign Narcotics Kingpin Sanctions Regulations, 31 CFR part 598"},
	{Code: "BPI-SDNTK", Class: ClassNarcotics, LegalBasis: "Kingpin Act, 21 U.S.C. 1901-1908", Title: "Blocked pending investigation (Kingpin Act)", Source: "Foreign Narcotics Kingpin Designation Act (1999); 31 CFR part 598"},
	{Code: "ILLICIT-DRUGS-EO14059", Class: ClassNarcotics, LegalBasis: "E.O. 14059", Title: "Global illicit drug trade", Source: "E.O. 14059 (2021); Illicit Drug Trade Sanctions Regulations, 31 CFR part 599"},
	// crime: organised crime
	{Code: "TCO", Class: ClassOrganised, LegalBasis: "E.O. 13581 as amended by E.O. 13863", Title: "Transnational criminal organizations", Source: "E.O. 13581 (2011); E.O. 13863 (2019); Transnational Criminal Organizations Sanctions Regulations, 31 CFR part 590"},
	// crime: cyber
	{Code: "CYBER", Class: ClassCyber, LegalBasis: "E.O. 13694", Title: "Malicious cyber-enabled activities (tag used before CYBER2)", Source: "E.O. 13694 (2015); Cyber-Related Sanctions Regulations, 31 CFR part 578"},
	{Code: "CYBER2", Class: ClassCyber, LegalBasis: "E.O. 13694 as amended by E.O. 13757", Title: "Malicious cyber-enabled activities", Source: "E.O. 13694 (2015); E.O. 13757 (2016); 31 CFR part 578"},
	// CYBER3 and CYBER4 follow the 2025 amendments of E.O. 13694; which
	// amendment each tag marks is not in the testdata files and is left
	// open here rather than guessed.
	{Code: "CYBER3", Class: ClassCyber, LegalBasis: "E.O. 13694 as amended (2025)", Title: "Malicious cyber-enabled activities", Source: "E.O. 13694 (2015) as amended by E.O. 14144 (2025) and E.O. 14306 (2025); 31 CFR part 578"},
	{Code: "CYBER4", Class: ClassCyber, LegalBasis: "E.O. 13694 as amended (2025)", Title: "Malicious cyber-enabled activities", Source: "E.O. 13694 (2015) as amended by E.O. 14144 (2025) and E.O. 14306 (2025); 31 CFR part 578"},
	// crime: corruption and human rights
	{Code: "GLOMAG", Class: ClassCorruptionHR, LegalBasis: "E.O. 13818; Global Magnitsky Act", Title: "Serious human rights abuse and corruption", Source: "Global Magnitsky Human Rights Accountability Act (2016); E.O. 13818 (2017); Global Magnitsky Sanctions Regulations, 31 CFR part 583"},
	{Code: "MAGNIT", Class: ClassCorruptionHR, LegalBasis: "Sergei Magnitsky Act", Title: "Magnitsky (Russia)", Source: "Sergei Magnitsky Rule of Law Accountability Act of 2012, Pub. L. 112-208"},
	{Code: "UHRPA", Class: ClassCorruptionHR, LegalBasis: "Uyghur Human Rights Policy Act", Title: "Uyghur human rights", Source: "Uyghur Human Rights Policy Act of 2020, Pub. L. 116-145"},
	{Code: "HRIT-IR", Class: ClassCorruptionHR, LegalBasis: "E.O. 13606", Title: "Human rights abuses via information technology (Iran)", Source: "E.O. 13606 (2012), GHRAVITY"},
	{Code: "HRIT-SY", Class: ClassCorruptionHR, LegalBasis: "E.O. 13606", Title: "Human rights abuses via information technology (Syria)", Source: "E.O. 13606 (2012), GHRAVITY"},
	{Code: "IRAN-HR", Class: ClassCorruptionHR, LegalBasis: "E.O. 13553", Title: "Serious human rights abuses by the Government of Iran", Source: "E.O. 13553 (2010); Iranian Human Rights Abuses Sanctions Regulations, 31 CFR part 562"},
	{Code: "NICARAGUA-NHRAA", Class: ClassCorruptionHR, LegalBasis: "Nicaragua Human Rights and Anticorruption Act", Title: "Nicaragua human rights and corruption", Source: "Nicaragua Human Rights and Anticorruption Act of 2018, Pub. L. 115-335"},
	// terrorism
	{Code: "SDGT", Class: ClassTerrorism, LegalBasis: "E.O. 13224", Title: "Specially designated global terrorists", Source: "E.O. 13224 (2001); Global Terrorism Sanctions Regulations, 31 CFR part 594"},
	{Code: "FTO", Class: ClassTerrorism, LegalBasis: "INA § 219, 8 U.S.C. 1189", Title: "Foreign terrorist organizations", Source: "Immigration and Nationality Act § 219; Foreign Terrorist Organizations Sanctions Regulations, 31 CFR part 597"},
	{Code: "SDT", Class: ClassTerrorism, LegalBasis: "E.O. 12947", Title: "Terrorists disrupting the Middle East peace process", Source: "E.O. 12947 (1995); Terrorism Sanctions Regulations, 31 CFR part 595"},
	{Code: "HIFPAA", Class: ClassTerrorism, LegalBasis: "Hizballah International Financing Prevention Act", Title: "Hizballah financing", Source: "Hizballah International Financing Prevention Act of 2015, Pub. L. 114-102, as amended in 2018; 31 CFR part 566"},
	{Code: "NS-PLC", Class: ClassTerrorism, LegalBasis: "31 CFR part 594", Title: "Non-SDN Palestinian Legislative Council list (Hamas slate)", Source: "Global Terrorism Sanctions Regulations, 31 CFR part 594 (NS-PLC list, 2006)"},
	// proliferation / WMD
	{Code: "NPWMD", Class: ClassProliferation, LegalBasis: "E.O. 13382", Title: "Weapons of mass destruction proliferators", Source: "E.O. 13382 (2005); Weapons of Mass Destruction Proliferators Sanctions Regulations, 31 CFR part 544"},
	{Code: "IFCA", Class: ClassProliferation, LegalBasis: "Iran Freedom and Counter-Proliferation Act", Title: "Iran Freedom and Counter-Proliferation Act", Source: "Iran Freedom and Counter-Proliferation Act of 2012, Pub. L. 112-239 §§ 1241-1255"},
	{Code: "DPRK", Class: ClassProliferation, LegalBasis: "E.O. 13551", Title: "North Korea", Source: "E.O. 13466 (2008); E.O. 13551 (2010); North Korea Sanctions Regulations, 31 CFR part 510"},
	{Code: "DPRK2", Class: ClassProliferation, LegalBasis: "E.O. 13687", Title: "North Korea", Source: "E.O. 13687 (2015); 31 CFR part 510"},
	{Code: "DPRK3", Class: ClassProliferation, LegalBasis: "E.O. 13722", Title: "North Korea", Source: "E.O. 13722 (2016); 31 CFR part 510"},
	{Code: "DPRK4", Class: ClassProliferation, LegalBasis: "E.O. 13810", Title: "North Korea", Source: "E.O. 13810 (2017); 31 CFR part 510"},
	{Code: "DPRK-NKSPEA", Class: ClassProliferation, LegalBasis: "North Korea Sanctions and Policy Enhancement Act", Title: "North Korea", Source: "North Korea Sanctions and Policy Enhancement Act of 2016, Pub. L. 114-122"},
	// foreign policy
	{Code: "561-Related", Class: ClassForeignPolicy, LegalBasis: "31 CFR 561.201", Title: "Foreign financial institutions (Iran), CAPTA list", Source: "Iranian Financial Sanctions Regulations, 31 CFR part 561; CISADA (2010)"},
	{Code: "BALKANS", Class: ClassForeignPolicy, LegalBasis: "E.O. 13219 as amended by E.O. 13304", Title: "Western Balkans", Source: "E.O. 13219 (2001); E.O. 13304 (2003); 31 CFR part 588"},
	{Code: "BALKANS-EO14033", Class: ClassForeignPolicy, LegalBasis: "E.O. 14033", Title: "Western Balkans", Source: "E.O. 14033 (2021); 31 CFR part 588"},
	{Code: "BELARUS", Class: ClassForeignPolicy, LegalBasis: "E.O. 13405", Title: "Belarus", Source: "E.O. 13405 (2006); Belarus Sanctions Regulations, 31 CFR part 548"},
	{Code: "BELARUS-EO14038", Class: ClassForeignPolicy, LegalBasis: "E.O. 14038", Title: "Belarus", Source: "E.O. 14038 (2021); 31 CFR part 548"},
	{Code: "BPI-RUSSIA-EO14024", Class: ClassForeignPolicy, LegalBasis: "E.O. 14024", Title: "Blocked pending investigation (Russia)", Source: "E.O. 14024 (2021); 31 CFR part 587"},
	{Code: "BPI-SUDAN-14098", Class: ClassForeignPolicy, LegalBasis: "E.O. 14098", Title: "Blocked pending investigation (Sudan)", Source: "E.O. 14098 (2023)"},
	{Code: "BURMA-EO14014", Class: ClassForeignPolicy, LegalBasis: "E.O. 14014", Title: "Burma (Myanmar)", Source: "E.O. 14014 (2021); Burma Sanctions Regulations, 31 CFR part 525"},
	{Code: "BURUNDI", Class: ClassForeignPolicy, LegalBasis: "E.O. 13712", Title: "Burundi", Source: "E.O. 13712 (2015); 31 CFR part 554"},
	{Code: "CAATSA - IRAN", Class: ClassForeignPolicy, LegalBasis: "CAATSA", Title: "Countering America's Adversaries Through Sanctions Act (Iran)", Source: "Countering America's Adversaries Through Sanctions Act (2017), Pub. L. 115-44, title I"},
	{Code: "CAATSA - RUSSIA", Class: ClassForeignPolicy, LegalBasis: "CAATSA", Title: "Countering America's Adversaries Through Sanctions Act (Russia)", Source: "Countering America's Adversaries Through Sanctions Act (2017), Pub. L. 115-44, title II"},
	{Code: "CAR", Class: ClassForeignPolicy, LegalBasis: "E.O. 13667", Title: "Central African Republic", Source: "E.O. 13667 (2014); 31 CFR part 553"},
	{Code: "CMIC-EO13959", Class: ClassForeignPolicy, LegalBasis: "E.O. 13959 as amended by E.O. 14032", Title: "Chinese military-industrial complex companies (non-SDN)", Source: "E.O. 13959 (2020); E.O. 14032 (2021); 31 CFR part 586"},
	{Code: "CUBA", Class: ClassForeignPolicy, LegalBasis: "Trading with the Enemy Act; 31 CFR part 515", Title: "Cuba", Source: "Trading with the Enemy Act (1917); Cuban Assets Control Regulations, 31 CFR part 515"},
	{Code: "DARFUR", Class: ClassForeignPolicy, LegalBasis: "E.O. 13400", Title: "Darfur (Sudan)", Source: "E.O. 13400 (2006); 31 CFR part 546"},
	{Code: "DRCONGO", Class: ClassForeignPolicy, LegalBasis: "E.O. 13413 as amended by E.O. 13671", Title: "Democratic Republic of the Congo", Source: "E.O. 13413 (2006); E.O. 13671 (2014); 31 CFR part 547"},
	{Code: "ELECTION-EO13848", Class: ClassForeignPolicy, LegalBasis: "E.O. 13848", Title: "Foreign interference in US elections", Source: "E.O. 13848 (2018); 31 CFR part 579"},
	{Code: "ETHIOPIA-EO14046", Class: ClassForeignPolicy, LegalBasis: "E.O. 14046", Title: "Ethiopia (northern Ethiopia crisis)", Source: "E.O. 14046 (2021)"},
	{Code: "FSE-IR", Class: ClassForeignPolicy, LegalBasis: "E.O. 13608", Title: "Foreign sanctions evaders (Iran)", Source: "E.O. 13608 (2012); Foreign Sanctions Evaders Sanctions Regulations, 31 CFR part 589"},
	{Code: "FSE-SY", Class: ClassForeignPolicy, LegalBasis: "E.O. 13608", Title: "Foreign sanctions evaders (Syria)", Source: "E.O. 13608 (2012); 31 CFR part 589"},
	{Code: "HK-EO13936", Class: ClassForeignPolicy, LegalBasis: "E.O. 13936", Title: "Hong Kong normalization", Source: "E.O. 13936 (2020); Hong Kong Autonomy Act (2020)"},
	{Code: "HOSTAGES-EO14078", Class: ClassForeignPolicy, LegalBasis: "E.O. 14078", Title: "Hostage-taking and wrongful detention", Source: "E.O. 14078 (2022)"},
	{Code: "ICC-EO14203", Class: ClassForeignPolicy, LegalBasis: "E.O. 14203", Title: "International Criminal Court", Source: "E.O. 14203 (2025)"},
	{Code: "IFSR", Class: ClassForeignPolicy, LegalBasis: "31 CFR part 561", Title: "Iranian Financial Sanctions Regulations", Source: "CISADA (2010); Iranian Financial Sanctions Regulations, 31 CFR part 561"},
	{Code: "IRAN", Class: ClassForeignPolicy, LegalBasis: "E.O. 13599; 31 CFR part 560", Title: "Iran (Government of Iran, ITSR)", Source: "E.O. 12957, 12959, 13059, 13599 (2012); Iranian Transactions and Sanctions Regulations, 31 CFR part 560"},
	{Code: "IRAN-CON-ARMS-EO", Class: ClassForeignPolicy, LegalBasis: "E.O. 13949", Title: "Iran conventional arms", Source: "E.O. 13949 (2020)"},
	{Code: "IRAN-EO13846", Class: ClassForeignPolicy, LegalBasis: "E.O. 13846", Title: "Iran (reimposed sanctions)", Source: "E.O. 13846 (2018)"},
	{Code: "IRAN-EO13871", Class: ClassForeignPolicy, LegalBasis: "E.O. 13871", Title: "Iran (iron, steel, aluminum, copper)", Source: "E.O. 13871 (2019)"},
	{Code: "IRAN-EO13876", Class: ClassForeignPolicy, LegalBasis: "E.O. 13876", Title: "Iran (Supreme Leader's office)", Source: "E.O. 13876 (2019)"},
	{Code: "IRAN-EO13902", Class: ClassForeignPolicy, LegalBasis: "E.O. 13902", Title: "Iran (economic sectors)", Source: "E.O. 13902 (2020)"},
	{Code: "IRAN-TRA", Class: ClassForeignPolicy, LegalBasis: "Iran Threat Reduction and Syria Human Rights Act", Title: "Iran Threat Reduction Act", Source: "Iran Threat Reduction and Syria Human Rights Act of 2012, Pub. L. 112-158"},
	{Code: "IRAQ2", Class: ClassForeignPolicy, LegalBasis: "E.O. 13315", Title: "Iraq (former regime)", Source: "E.O. 13315 (2003); 31 CFR part 576"},
	{Code: "IRAQ3", Class: ClassForeignPolicy, LegalBasis: "E.O. 13438", Title: "Iraq (threats to stabilization)", Source: "E.O. 13438 (2007); 31 CFR part 576"},
	{Code: "IRGC", Class: ClassForeignPolicy, LegalBasis: "IEEPA; 31 CFR part 561 (IRGC and its agents or affiliates)", Title: "Islamic Revolutionary Guard Corps and affiliates", Source: "Iranian Financial Sanctions Regulations, 31 CFR part 561, implementing CISADA (2010) § 104: secondary-sanctions risk for foreign financial institutions dealing with the IRGC or its blocked agents or affiliates"},
	{Code: "ISA", Class: ClassForeignPolicy, LegalBasis: "Iran Sanctions Act", Title: "Iran Sanctions Act", Source: "Iran Sanctions Act of 1996, as amended"},
	{Code: "LEBANON", Class: ClassForeignPolicy, LegalBasis: "E.O. 13441", Title: "Lebanon", Source: "E.O. 13441 (2007); 31 CFR part 549"},
	{Code: "LIBYA2", Class: ClassForeignPolicy, LegalBasis: "E.O. 13566", Title: "Libya", Source: "E.O. 13566 (2011); 31 CFR part 570"},
	{Code: "LIBYA3", Class: ClassForeignPolicy, LegalBasis: "E.O. 13726", Title: "Libya", Source: "E.O. 13726 (2016); 31 CFR part 570"},
	{Code: "MALI-EO13882", Class: ClassForeignPolicy, LegalBasis: "E.O. 13882", Title: "Mali", Source: "E.O. 13882 (2019); 31 CFR part 555"},
	{Code: "NICARAGUA", Class: ClassForeignPolicy, LegalBasis: "E.O. 13851", Title: "Nicaragua", Source: "E.O. 13851 (2018); 31 CFR part 582"},
	{Code: "PEESA", Class: ClassForeignPolicy, LegalBasis: "Protecting Europe's Energy Security Act", Title: "Pipeline sanctions (Nord Stream 2, TurkStream)", Source: "Protecting Europe's Energy Security Act of 2019, as amended"},
	{Code: "PEESA-EO14039", Class: ClassForeignPolicy, LegalBasis: "E.O. 14039", Title: "Pipeline sanctions", Source: "E.O. 14039 (2021)"},
	{Code: "RUSSIA-EO14024", Class: ClassForeignPolicy, LegalBasis: "E.O. 14024", Title: "Russia harmful foreign activities", Source: "E.O. 14024 (2021); Russian Harmful Foreign Activities Sanctions Regulations, 31 CFR part 587"},
	{Code: "RUSSIA-EO14065", Class: ClassForeignPolicy, LegalBasis: "E.O. 14065", Title: "So-called DNR and LNR regions of Ukraine", Source: "E.O. 14065 (2022)"},
	{Code: "SOMALIA", Class: ClassForeignPolicy, LegalBasis: "E.O. 13536", Title: "Somalia", Source: "E.O. 13536 (2010); 31 CFR part 551"},
	{Code: "SOUTH SUDAN", Class: ClassForeignPolicy, LegalBasis: "E.O. 13664", Title: "South Sudan", Source: "E.O. 13664 (2014); 31 CFR part 558"},
	{Code: "SSIDES", Class: ClassForeignPolicy, LegalBasis: "SSIDES Act", Title: "Ukraine sovereignty act", Source: "Support for the Sovereignty, Integrity, Democracy, and Economic Stability of Ukraine Act of 2014, as amended by CAATSA"},
	{Code: "SUDAN-EO14098", Class: ClassForeignPolicy, LegalBasis: "E.O. 14098", Title: "Sudan", Source: "E.O. 14098 (2023)"},
	{Code: "SYRIA", Class: ClassForeignPolicy, LegalBasis: "E.O. 13338 et seq.; 31 CFR part 542", Title: "Syria", Source: "E.O. 13338 (2004), 13399, 13460, 13572, 13573, 13582 (2011); Syrian Sanctions Regulations, 31 CFR part 542"},
	{Code: "SYRIA-CAESAR", Class: ClassForeignPolicy, LegalBasis: "Caesar Act", Title: "Caesar Syria Civilian Protection Act", Source: "Caesar Syria Civilian Protection Act of 2019, Pub. L. 116-92 title LXXIV"},
	{Code: "SYRIA-EO13894", Class: ClassForeignPolicy, LegalBasis: "E.O. 13894", Title: "Situation in and in relation to Syria", Source: "E.O. 13894 (2019)"},
	{Code: "UKRAINE-EO13660", Class: ClassForeignPolicy, LegalBasis: "E.O. 13660", Title: "Ukraine/Russia", Source: "E.O. 13660 (2014); Ukraine-/Russia-Related Sanctions Regulations, 31 CFR part 589"},
	{Code: "UKRAINE-EO13661", Class: ClassForeignPolicy, LegalBasis: "E.O. 13661", Title: "Ukraine/Russia", Source: "E.O. 13661 (2014); 31 CFR part 589"},
	{Code: "UKRAINE-EO13662", Class: ClassForeignPolicy, LegalBasis: "E.O. 13662", Title: "Ukraine/Russia (sectoral)", Source: "E.O. 13662 (2014); 31 CFR part 589"},
	{Code: "UKRAINE-EO13685", Class: ClassForeignPolicy, LegalBasis: "E.O. 13685", Title: "Crimea region of Ukraine", Source: "E.O. 13685 (2014); 31 CFR part 589"},
	{Code: "VENEZUELA", Class: ClassForeignPolicy, LegalBasis: "E.O. 13692", Title: "Venezuela", Source: "E.O. 13692 (2015); Venezuela Sanctions Regulations, 31 CFR part 591"},
	{Code: "VENEZUELA-EO13850", Class: ClassForeignPolicy, LegalBasis: "E.O. 13850", Title: "Venezuela", Source: "E.O. 13850 (2018); 31 CFR part 591"},
	{Code: "VENEZUELA-EO13884", Class: ClassForeignPolicy, LegalBasis: "E.O. 13884", Title: "Government of Venezuela", Source: "E.O. 13884 (2019); 31 CFR part 591"},
	{Code: "WEST-BANK-EO14115", Class: ClassForeignPolicy, LegalBasis: "E.O. 14115", Title: "West Bank peace and stability", Source: "E.O. 14115 (2024)"},
	{Code: "YEMEN", Class: ClassForeignPolicy, LegalBasis: "E.O. 13611", Title: "Yemen", Source: "E.O. 13611 (2012); 31 CFR part 552"},
	{Code: "ZIMBABWE", Class: ClassForeignPolicy, LegalBasis: "E.O. 13288 et seq.", Title: "Zimbabwe (programme ended 2024)", Source: "E.O. 13288 (2003), 13391, 13469; terminated by E.O. 14118 (2024)"},
}

// euTable: EU Financial Sanctions File programme codes. Where one code
// covers two regimes, rows with a Match come first and the last row for the
// code (Match "") is the default.
var euTable = []ProgramInfo{
	// crime: misappropriation of state funds, human rights, cyber
	{Code: "TUN", Class: ClassCorruptionHR, LegalBasis: "Reg. (EU) No 101/2011", Title: "Misappropriation of state funds (Tunisia)", Source: "Council Regulation (EU) No 101/2011; Council Decision 2011/72/CFSP"},
	{Code: "UKR", Match: "208/2014", Class: ClassCorruptionHR, LegalBasis: "Reg. (EU) No 208/2014", Title: "Misappropriation of state funds (Ukraine)", Source: "Council Regulation (EU) No 208/2014; Council Decision 2014/119/CFSP"},
	// Implementing/amending acts of the 208/2014 regime (annual March
	// reviews). A numberTitle naming one of them is the misappropriation
	// regime, not 269/2014.
	{Code: "UKR", Match: "381/2014", Class: ClassCorruptionHR, LegalBasis: "Reg. (EU) No 208/2014", Title: "Misappropriation of state funds (Ukraine)", Source: "Council Regulation (EU) No 381/2014 amending Reg. 208/2014"},
	{Code: "UKR", Match: "2015/138", Class: ClassCorruptionHR, LegalBasis: "Reg. (EU) No 208/2014", Title: "Misappropriation of state funds (Ukraine)", Source: "Council Regulation (EU) 2015/138 amending Reg. 208/2014"},
	{Code: "UKR", Match: "2015/357", Class: ClassCorruptionHR, LegalBasis: "Reg. (EU) No 208/2014", Title: "Misappropriation of state funds (Ukraine)", Source: "Council Implementing Regulation (EU) 2015/357 implementing Reg. 208/2014"},
	{Code: "UKR", Match: "2016/311", Class: ClassCorruptionHR, LegalBasis: "Reg. (EU) No 208/2014", Title: "Misappropriation of state funds (Ukraine)", Source: "Council Implementing Regulation (EU) 2016/311 implementing Reg. 208/2014"},
	{Code: "UKR", Match: "2017/374", Class: ClassCorruptionHR, LegalBasis: "Reg. (EU) No 208/2014", Title: "Misappropriation of state funds (Ukraine)", Source: "Council Implementing Regulation (EU) 2017/374 implementing Reg. 208/2014"},
	{Code: "UKR", Match: "2018/326", Class: ClassCorruptionHR, LegalBasis: "Reg. (EU) No 208/2014", Title: "Misappropriation of state funds (Ukraine)", Source: "Council Implementing Regulation (EU) 2018/326 implementing Reg. 208/2014"},
	{Code: "UKR", Match: "2019/352", Class: ClassCorruptionHR, LegalBasis: "Reg. (EU) No 208/2014", Title: "Misappropriation of state funds (Ukraine)", Source: "Council Implementing Regulation (EU) 2019/352 implementing Reg. 208/2014"},
	{Code: "UKR", Match: "2020/370", Class: ClassCorruptionHR, LegalBasis: "Reg. (EU) No 208/2014", Title: "Misappropriation of state funds (Ukraine)", Source: "Council Implementing Regulation (EU) 2020/370 implementing Reg. 208/2014"},
	{Code: "UKR", Match: "269/2014", Class: ClassForeignPolicy, LegalBasis: "Reg. (EU) No 269/2014", Title: "Actions undermining the territorial integrity of Ukraine", Source: "Council Regulation (EU) No 269/2014; Council Decision 2014/145/CFSP"},
	// Default for UKR: the 269/2014 regime lists the great majority of UKR
	// entries, and its many implementing regulations carry their own
	// numbers. A numberTitle not matched above is presumed to be 269/2014;
	// LegalBasis says "presumed" so the audit record shows the inference.
	{Code: "UKR", Class: ClassForeignPolicy, LegalBasis: "Reg. (EU) No 269/2014 (presumed)", Title: "Actions undermining the territorial integrity of Ukraine", Source: "Council Regulation (EU) No 269/2014; numberTitle not a known 208/2014 act"},
	{Code: "HR", Class: ClassCorruptionHR, LegalBasis: "Reg. (EU) 2020/1998", Title: "EU global human rights sanctions regime", Source: "Council Regulation (EU) 2020/1998; Council Decision (CFSP) 2020/1999"},
	{Code: "CYB", Class: ClassCyber, LegalBasis: "Reg. (EU) 2019/796", Title: "Cyber-attacks threatening the Union or its Member States", Source: "Council Regulation (EU) 2019/796; Council Decision (CFSP) 2019/797"},
	{Code: "EGY", Class: ClassCorruptionHR, LegalBasis: "Reg. (EU) No 270/2011", Title: "Misappropriation of state funds (Egypt; regime ended March 2021)", Source: "Council Regulation (EU) No 270/2011; Council Decision 2011/172/CFSP"},
	// terrorism
	{Code: "TERR", Class: ClassTerrorism, LegalBasis: "Reg. (EC) No 2580/2001; CP 2001/931/CFSP", Title: "Terrorist persons and groups (EU autonomous list)", Source: "Council Regulation (EC) No 2580/2001; Council Common Position 2001/931/CFSP"},
	{Code: "TAQA", Class: ClassTerrorism, LegalBasis: "Reg. (EC) No 881/2002", Title: "ISIL (Da'esh) and Al-Qaida (UN listings)", Source: "Council Regulation (EC) No 881/2002 implementing UNSCR 1267/1989/2253"},
	{Code: "EUAQ", Class: ClassTerrorism, LegalBasis: "Reg. (EU) 2016/1686", Title: "ISIL (Da'esh) and Al-Qaida (EU autonomous)", Source: "Council Regulation (EU) 2016/1686; Council Decision (CFSP) 2016/1693"},
	{Code: "HAM", Class: ClassTerrorism, LegalBasis: "Reg. (EU) 2024/386", Title: "Hamas and Palestinian Islamic Jihad", Source: "Council Regulation (EU) 2024/386; Council Decision (CFSP) 2024/385"},
	{Code: "AFG", Class: ClassTerrorism, LegalBasis: "Reg. (EU) No 753/2011", Title: "Taliban (UN 1988 listings)", Source: "Council Regulation (EU) No 753/2011 implementing UNSCR 1988 (2011)"},
	// proliferation / WMD
	{Code: "PRK", Class: ClassProliferation, LegalBasis: "Reg. (EU) 2017/1509", Title: "Democratic People's Republic of Korea", Source: "Council Regulation (EU) 2017/1509; Council Decision (CFSP) 2016/849"},
	{Code: "IRN", Match: "359/2011", Class: ClassCorruptionHR, LegalBasis: "Reg. (EU) No 359/2011", Title: "Serious human rights violations in Iran", Source: "Council Regulation (EU) No 359/2011; Council Decision 2011/235/CFSP"},
	{Code: "IRN", Class: ClassProliferation, LegalBasis: "Reg. (EU) No 267/2012", Title: "Iran (nuclear proliferation)", Source: "Council Regulation (EU) No 267/2012; Council Decision 2010/413/CFSP"},
	{Code: "CHEM", Class: ClassProliferation, LegalBasis: "Reg. (EU) 2018/1542", Title: "Proliferation and use of chemical weapons", Source: "Council Regulation (EU) 2018/1542; Council Decision (CFSP) 2018/1544"},
	// UN listings not yet transposed: the regime, hence the class, depends
	// on the UN reference (use UNProgram on the entity's unitedNationId).
	{Code: "UNLI", Class: ClassUnknown, LegalBasis: "UN Security Council listing not yet transposed into EU law", Title: "UN listings pending EU transposition", Source: "UN Security Council resolutions; class follows the UN regime (see UNProgram)"},
	// foreign policy
	{Code: "BDI", Class: ClassForeignPolicy, LegalBasis: "Reg. (EU) 2015/1755", Title: "Burundi", Source: "Council Regulation (EU) 2015/1755"},
	{Code: "BLR", Class: ClassForeignPolicy, LegalBasis: "Reg. (EC) No 765/2006", Title: "Belarus", Source: "Council Regulation (EC) No 765/2006"},
	{Code: "CAF", Class: ClassForeignPolicy, LegalBasis: "Reg. (EU) No 224/2014", Title: "Central African Republic", Source: "Council Regulation (EU) No 224/2014"},
	{Code: "COD", Class: ClassForeignPolicy, LegalBasis: "Reg. (EC) No 1183/2005", Title: "Democratic Republic of the Congo", Source: "Council Regulation (EC) No 1183/2005"},
	{Code: "GIN", Class: ClassForeignPolicy, LegalBasis: "Reg. (EU) No 1284/2009", Title: "Guinea", Source: "Council Regulation (EU) No 1284/2009"},
	{Code: "GNB", Class: ClassForeignPolicy, LegalBasis: "Reg. (EU) No 377/2012", Title: "Guinea-Bissau", Source: "Council Regulation (EU) No 377/2012"},
	{Code: "GTM", Class: ClassForeignPolicy, LegalBasis: "Reg. (EU) 2024/287", Title: "Guatemala", Source: "Council Regulation (EU) 2024/287"},
	{Code: "HTI", Class: ClassForeignPolicy, LegalBasis: "Reg. (EU) 2022/2309", Title: "Haiti", Source: "Council Regulation (EU) 2022/2309 implementing UNSCR 2653 (2022)"},
	{Code: "IRQ", Class: ClassForeignPolicy, LegalBasis: "Reg. (EC) No 1210/2003", Title: "Iraq", Source: "Council Regulation (EC) No 1210/2003"},
	{Code: "LBN", Class: ClassForeignPolicy, LegalBasis: "Reg. (EC) No 305/2006; Reg. (EU) 2021/1275", Title: "Lebanon", Source: "Council Regulation (EC) No 305/2006; Council Regulation (EU) 2021/1275"},
	{Code: "LBY", Class: ClassForeignPolicy, LegalBasis: "Reg. (EU) 2016/44", Title: "Libya", Source: "Council Regulation (EU) 2016/44"},
	{Code: "MDA", Class: ClassForeignPolicy, LegalBasis: "Reg. (EU) 2023/888", Title: "Moldova destabilisation", Source: "Council Regulation (EU) 2023/888"},
	{Code: "MLI", Class: ClassForeignPolicy, LegalBasis: "Reg. (EU) 2017/1770", Title: "Mali", Source: "Council Regulation (EU) 2017/1770"},
	{Code: "MMR", Class: ClassForeignPolicy, LegalBasis: "Reg. (EU) No 401/2013", Title: "Myanmar/Burma", Source: "Council Regulation (EU) No 401/2013"},
	{Code: "NIC", Class: ClassForeignPolicy, LegalBasis: "Reg. (EU) 2019/1716", Title: "Nicaragua", Source: "Council Regulation (EU) 2019/1716"},
	{Code: "RUS", Class: ClassForeignPolicy, LegalBasis: "Reg. (EU) No 833/2014; Reg. (EU) 2024/2642", Title: "Russia (sectoral measures, destabilising activities)", Source: "Council Regulation (EU) No 833/2014; Council Regulation (EU) 2024/2642"},
	{Code: "SDN", Class: ClassForeignPolicy, LegalBasis: "Reg. (EU) 2023/2147", Title: "Sudan", Source: "Council Regulation (EU) 2023/2147"},
	{Code: "SOM", Class: ClassForeignPolicy, LegalBasis: "Reg. (EU) No 356/2010", Title: "Somalia", Source: "Council Regulation (EU) No 356/2010"},
	{Code: "SSD", Class: ClassForeignPolicy, LegalBasis: "Reg. (EU) 2015/735", Title: "South Sudan", Source: "Council Regulation (EU) 2015/735"},
	{Code: "SYR", Class: ClassForeignPolicy, LegalBasis: "Reg. (EU) No 36/2012", Title: "Syria", Source: "Council Regulation (EU) No 36/2012"},
	{Code: "TUR", Class: ClassForeignPolicy, LegalBasis: "Reg. (EU) 2019/1890", Title: "Unauthorised drilling in the Eastern Mediterranean", Source: "Council Regulation (EU) 2019/1890"},
	{Code: "VEN", Class: ClassForeignPolicy, LegalBasis: "Reg. (EU) 2017/2063", Title: "Venezuela", Source: "Council Regulation (EU) 2017/2063"},
	{Code: "YEM", Class: ClassForeignPolicy, LegalBasis: "Reg. (EU) No 1352/2014", Title: "Yemen", Source: "Council Regulation (EU) No 1352/2014"},
	{Code: "ZWE", Class: ClassForeignPolicy, LegalBasis: "Reg. (EC) No 314/2004", Title: "Zimbabwe", Source: "Council Regulation (EC) No 314/2004"},
}

// unTable: UN Security Council regimes by reference-number prefix. The
// UN_LIST_TYPE column in unListTypes maps the list's own names to them.
var unTable = []ProgramInfo{
	{Code: "QD", Class: ClassTerrorism, LegalBasis: "UNSCR 1267 (1999), 1989 (2011), 2253 (2015)", Title: "ISIL (Da'esh) and Al-Qaida", Source: "UN Security Council resolutions 1267 (1999), 1989 (2011) and 2253 (2015)"},
	{Code: "TA", Class: ClassTerrorism, LegalBasis: "UNSCR 1988 (2011)", Title: "Taliban", Source: "UN Security Council resolution 1988 (2011); FATF Recommendation 6 covers it"},
	{Code: "KP", Class: ClassProliferation, LegalBasis: "UNSCR 1718 (2006)", Title: "Democratic People's Republic of Korea", Source: "UN Security Council resolution 1718 (2006) and successors"},
	{Code: "IR", Class: ClassProliferation, LegalBasis: "UNSCR 1737 (2006)", Title: "Iran (nuclear; reinstated by the 2025 snapback under res. 2231)", Source: "UN Security Council resolutions 1737 (2006) and 2231 (2015)"},
	{Code: "LY", Class: ClassForeignPolicy, LegalBasis: "UNSCR 1970 (2011)", Title: "Libya", Source: "UN Security Council resolution 1970 (2011)"},
	{Code: "IQ", Class: ClassForeignPolicy, LegalBasis: "UNSCR 1518 (2003)", Title: "Iraq", Source: "UN Security Council resolution 1518 (2003)"},
	{Code: "CD", Class: ClassForeignPolicy, LegalBasis: "UNSCR 1533 (2004)", Title: "Democratic Republic of the Congo", Source: "UN Security Council resolution 1533 (2004)"},
	{Code: "SD", Class: ClassForeignPolicy, LegalBasis: "UNSCR 1591 (2005)", Title: "Sudan", Source: "UN Security Council resolution 1591 (2005)"},
	{Code: "SO", Class: ClassForeignPolicy, LegalBasis: "UNSCR 751 (1992)", Title: "Somalia (Al-Shabaab)", Source: "UN Security Council resolution 751 (1992); 2713 (2023)"},
	{Code: "GB", Class: ClassForeignPolicy, LegalBasis: "UNSCR 2048 (2012)", Title: "Guinea-Bissau", Source: "UN Security Council resolution 2048 (2012)"},
	{Code: "CF", Class: ClassForeignPolicy, LegalBasis: "UNSCR 2127 (2013)", Title: "Central African Republic", Source: "UN Security Council resolution 2127 (2013)"},
	{Code: "YE", Class: ClassForeignPolicy, LegalBasis: "UNSCR 2140 (2014)", Title: "Yemen", Source: "UN Security Council resolution 2140 (2014)"},
	{Code: "SS", Class: ClassForeignPolicy, LegalBasis: "UNSCR 2206 (2015)", Title: "South Sudan", Source: "UN Security Council resolution 2206 (2015)"},
	// Res. 2653 targets leaders of armed gangs and criminal networks
	// (kidnapping, trafficking, extortion): organised crime, not a state.
	{Code: "HT", Class: ClassOrganised, LegalBasis: "UNSCR 2653 (2022)", Title: "Haiti (criminal gangs)", Source: "UN Security Council resolution 2653 (2022)"},
}

// unListTypes maps UN_LIST_TYPE values (as in the 2026 consolidated list) to
// reference prefixes, for entries whose reference number is missing.
var unListTypes = map[string]string{
	"AL-QAIDA": "QD", "ISIL": "QD", "TALIBAN": "TA", "DPRK": "KP", "IRAN": "IR",
	"LIBYA": "LY", "IRAQ": "IQ", "DRC": "CD", "SUDAN": "SD", "SOMALIA": "SO",
	"GB": "GB", "GUINEA-BISSAU": "GB", "CAR": "CF", "YEMEN": "YE",
	"SOUTHSUDAN": "SS", "SOUTH SUDAN": "SS", "HAITI": "HT",
}

var (
	ofacIndex = indexRows(ofacTable)
	unIndex   = indexRows(unTable)
	euIndex   = func() map[string][]int {
		m := make(map[string][]int)
		for i, r := range euTable {
			m[r.Code] = append(m[r.Code], i)
		}
		return m
	}()
)

func indexRows(rows []ProgramInfo) map[string]int {
	m := make(map[string]int, len(rows))
	for i, r := range rows {
		k := strings.ToUpper(r.Code)
		if _, dup := m[k]; dup {
			panic("lists: duplicate taxonomy row " + r.Code) // table bug, caught by any test
		}
		m[k] = i
	}
	return m
}

// ProgramTable returns a copy of the whole curated taxonomy, OFAC rows
// first, then EU, then UN, each with its Body set, so that a CLI or a
// README can print exactly what the library believes.
func ProgramTable() []ProgramInfo {
	out := make([]ProgramInfo, 0, len(ofacTable)+len(euTable)+len(unTable))
	for _, r := range ofacTable {
		r.Body = BodyOFAC
		out = append(out, r)
	}
	for _, r := range euTable {
		r.Body = BodyEU
		out = append(out, r)
	}
	for _, r := range unTable {
		r.Body = BodyUNSC
		out = append(out, r)
	}
	return out
}

// cleanCode trims brackets and spaces and collapses runs of white space:
// the code as the source means it.
func cleanCode(s string) string {
	s = strings.Trim(s, "[] \t\r\n")
	return strings.Join(strings.Fields(s), " ")
}

// normCode is cleanCode upper-cased: the lookup key, so "[sdntk]" and
// " CAATSA  -  IRAN" find their rows.
func normCode(s string) string { return strings.ToUpper(cleanCode(s)) }

var eoSuffix = regexp.MustCompile(`EO-?(\d{5})$`)

// OFACProgram classifies an OFAC programme tag such as "SDNTK" or
// "RUSSIA-EO14024" (brackets allowed). An unknown tag keeps its code and
// gets ClassUnknown; if it ends in an executive-order number ("-EO14099")
// that number becomes its legal basis. "BPI-X" (blocked pending
// investigation) takes the class of X when X is known.
func OFACProgram(code string) Program {
	c := normCode(code)
	if i, ok := ofacIndex[c]; ok {
		p := ofacTable[i].Program()
		p.Body = BodyOFAC
		return p
	}
	p := Program{Code: cleanCode(code), Class: ClassUnknown, Body: BodyOFAC}
	if base, ok := strings.CutPrefix(c, "BPI-"); ok {
		if i, ok := ofacIndex[base]; ok {
			r := ofacTable[i]
			p.Class, p.LegalBasis = r.Class, r.LegalBasis
			p.Title = "Blocked pending investigation (" + r.Title + ")"
			return p
		}
	}
	if m := eoSuffix.FindStringSubmatch(c); m != nil {
		p.LegalBasis = "E.O. " + m[1]
	}
	return p
}

// EUProgram classifies an EU regulation's programme code ("UKR", "TERR") with
// the regulation's numberTitle, which tells UKR 208/2014 (misappropriation)
// from UKR 269/2014 (territorial integrity). The returned Program keeps
// numberTitle as its Title.
func EUProgram(code, numberTitle string) Program {
	c := normCode(code)
	rows := euIndex[c]
	for _, i := range rows {
		r := euTable[i]
		if r.Match == "" || HasRegulation(numberTitle, r.Match) {
			p := r.Program()
			p.Body = BodyEU
			if numberTitle != "" {
				p.Title = numberTitle
			}
			return p
		}
	}
	return Program{Code: cleanCode(code), Class: ClassUnknown, Body: BodyEU, Title: numberTitle}
}

// UNProgram classifies a UN listing from its reference number ("QDi.001")
// and UN_LIST_TYPE ("Al-Qaida"). The Program's Code is the regime prefix
// ("QD"); the entity keeps UN_LIST_TYPE in its ListType. The reference decides;
// listType is the fallback when the reference has no known prefix.
func UNProgram(reference, listType string) Program {
	ref := strings.ToUpper(strings.TrimSpace(reference))
	prefix := ""
	if len(ref) >= 2 {
		prefix = ref[:2]
	}
	i, ok := unIndex[prefix]
	if !ok {
		if pfx, found := unListTypes[normCode(listType)]; found {
			prefix = pfx
			i, ok = unIndex[pfx]
		}
	}
	if !ok {
		code := strings.TrimSpace(listType)
		if code == "" {
			code = prefix
		}
		return Program{Code: code, Class: ClassUnknown, Body: BodyUNSC, Title: strings.TrimSpace(listType)}
	}
	p := unTable[i].Program()
	p.Body = BodyUNSC
	return p
}

// HasRegulation reports whether title names regulation number num
// ("208/2014") as a whole number: "2208/2014", "208/20145" and
// "12015/138" do not name it; an empty num names nothing. It is the rule
// EUProgram splits one EU code into regimes by, exported so that other
// tables keyed on a regulation number (screening's oversight rows) apply
// the same rule rather than a plain substring test.
func HasRegulation(title, num string) bool {
	if num == "" {
		return false
	}
	for off := 0; ; {
		i := strings.Index(title[off:], num)
		if i < 0 {
			return false
		}
		start, end := off+i, off+i+len(num)
		if (start == 0 || !isRegChar(title[start-1])) && (end == len(title) || !isRegChar(title[end])) {
			return true
		}
		off = start + 1
	}
}

// containsRegNumber is HasRegulation under the name the package's tests use.
func containsRegNumber(title, num string) bool { return HasRegulation(title, num) }

func isRegChar(b byte) bool { return b == '/' || ('0' <= b && b <= '9') }

// WriteProgramTable writes the taxonomy as a Markdown table (body, code,
// regulation match, class, crime-based, legal basis, title, source), the
// form the README and the CLI show.
func WriteProgramTable(w io.Writer) error {
	var b strings.Builder
	b.WriteString("| body | code | numberTitle | class | crime-based | legal basis | programme | source |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|\n")
	esc := strings.NewReplacer("|", `\|`, "\n", " ")
	for _, r := range ProgramTable() {
		crime := ""
		if r.Class.CrimeBased() {
			crime = "yes"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s |\n",
			esc.Replace(string(r.Body)), esc.Replace(r.Code), esc.Replace(r.Match), r.Class, crime,
			esc.Replace(r.LegalBasis), esc.Replace(r.Title), esc.Replace(r.Source))
	}
	_, err := io.WriteString(w, b.String())
	return err
}
