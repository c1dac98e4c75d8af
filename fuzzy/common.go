package fuzzy

import (
	"strings"
	"unicode"
)

// Names common in the world. The rarity table (weights.go) says how often a
// token occurs on sanctions lists; it does not know that Wang, Nguyen,
// Garcia or Ivanov are borne by millions of people who are on no list, and
// so it weighs them as if they were as telling as Putin. A token in this
// table weighs at most commonWeight: a query made only of such names is not
// specific (see specificity), so it must cover the listed name, not merely
// be found inside it ("Mikhail Romanov" is not "ROMANOV, Mikhail
// Valentinovich" on the name alone), and two such names that differ by a
// letter are two names (knownName).
//
// The lists are frequent surnames and given names by naming culture, as
// found in public name statistics (census surname tables, birth registers),
// written in their usual Latin spelling, lower case, accents folded. They
// deliberately stop at the very common: a name in a few thousand families
// is still evidence. Countries, their adjectives and a few capitals close
// the table: they say where an organisation is, not which it is (Bank
// Melli Iran is Bank Melli).

var commonNames = set(strings.Fields(`
john james robert michael william david richard joseph thomas charles christopher daniel
matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy
ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry
tyler aaron jose adam nathan henry douglas zachary peter kyle noah ethan jeremy walter
christian keith roger terry austin sean gerald carl harold dylan arthur lawrence jordan
jesse bryan billy bruce gabriel joe logan alan juan albert willie elijah wayne randy
vincent mason roy ralph bobby russell bradley philip eugene mary patricia jennifer linda
elizabeth barbara susan jessica sarah karen lisa nancy betty sandra margaret ashley
kimberly emily donna michelle carol amanda melissa deborah stephanie dorothy rebecca
sharon laura cynthia amy kathleen angela shirley brenda emma anna pamela nicole samantha
katherine christine helen debra rachel carolyn janet maria catherine heather diane olivia
julie joyce victoria ruth virginia lauren kelly christina joan evelyn judith andrea hannah
megan cheryl jacqueline martha madison teresa gloria sara janice ann kathryn abigail
sophia frances jean alice judy isabella julia grace amber denise danielle marilyn beverly
charlotte natalie theresa diana brittany doris kayla alexis lori marie
smith johnson williams brown jones miller davis wilson anderson taylor thomas moore
jackson martin lee thompson white harris clark lewis robinson walker young allen king
wright scott hill green adams nelson baker hall campbell mitchell carter roberts phillips
evans turner parker collins edwards stewart morris murphy cook rogers morgan cooper
peterson bailey reed kelly howard cox ward richardson watson brooks wood james bennett
gray hughes price sanders myers long ross foster powell jenkins perry russell sullivan
bell coleman butler henderson barnes fisher simmons patterson jordan reynolds hamilton
graham wallace west cole hayes gibson bryant ellis stevens murray ford marshall owens
harrison fernandez mcdonald woods washington kennedy wells henry
garcia rodriguez martinez hernandez lopez gonzalez perez sanchez ramirez torres flores
rivera gomez diaz reyes morales cruz ortiz gutierrez chavez ramos ruiz alvarez mendoza
castillo jimenez moreno romero herrera medina aguilar vargas castro guzman fernandez
vasquez vazquez salazar soto delgado pena rios contreras sandoval guerrero estrada
navarro cortes cortez rojas molina mejia silva campos vega suarez dominguez blanco
santos nunez luna cabrera leon ortega acosta figueroa marquez serrano pacheco carrillo
espinoza fuentes rubio iglesias duran mora calderon gil pascual vidal prieto lozano
ferrer carmona cano gallego marin
juan jose luis carlos jorge manuel antonio francisco javier miguel pedro alejandro
fernando ricardo eduardo roberto sergio raul andres diego mario rafael pablo alberto
oscar hector enrique arturo victor ramon rodrigo gustavo emilio ignacio felipe daniel
adrian alvaro angel cesar hugo julio marco martin mateo santiago sebastian tomas vicente
guadalupe carmen rosa ana lucia isabel elena laura marta paula sofia valentina camila
gabriela daniela fernanda mariana andrea adriana alejandra patricia veronica claudia
monica silvia beatriz teresa pilar cristina raquel lorena natalia paola esperanza dolores
silva santos oliveira souza sousa costa pereira carvalho almeida ferreira ribeiro gomes
martins rocha alves barbosa lima araujo cardoso nascimento joao
mohammed muhammad mohamed mohammad mohamad muhamad mehmet ahmed ahmad ali hassan hasan
hussein husain hussain husayn hossein mahmoud mahmud omar umar othman osman uthman
abdullah abdallah abdulla abdul abdel ibrahim khalid khaled yusuf yousef youssef yousif
youssouf mustafa mostafa moustafa salah saleh salih salim saleem said saeed saad
karim kareem rashid rashed hamid hamed majid majeed nasser naser nasir adel adil tariq
tarek walid waleed faisal feisal jamal gamal samir sameer nabil fadi ziad ziyad amir ameer
bilal hamza anas yasin yassin yaseen ayman imad emad issa isa musa moussa idris haitham
marwan sami fahd fahad nawaf sultan jaber jabir qasim kassem kasim ismail zaid zayd
mansour mansur yasser yasir wael mazen mahdi abbas aziz azizi rahman rahim khalil
fatima fatma aisha aysha khadija maryam mariam zainab zaynab amina aminah layla leila
laila nour noor huda hoda salma sara rania rana hanan amal reem dina iman eman asma
yasmin yasmine samira nadia mona hala lina lubna
karimi ahmadi mohammadi hosseini rezaei moradi jafari ghasemi kazemi rostami sadeghi
hashemi hosseini alavi bagheri amini asadi akbari jalali ebrahimi heidari mousavi
reza mehdi hossein ali akbar javad jalal saeid davood dariush behrouz farhad arash
babak kamran parviz nima omid shahram majid masoud morteza vahid zahra fateme maryam
neda shirin parisa leila mina roya azadeh
khan ahmed ali shah hussain iqbal akhtar aslam anwar javed rashid malik chaudhry
chaudhary butt sheikh mirza baig qureshi raza rizvi abbasi siddiqui farooq farooqi
yilmaz kaya demir sahin celik yildiz yildirim ozturk aydin ozdemir arslan dogan kilic
aslan cetin kara koc kurt ozkan simsek polat korkmaz erdogan mehmet mustafa ahmet
emre murat ibrahim huseyin hasan osman yusuf omer fatih burak kemal ayse fatma emine
hatice zeynep elif
ivanov ivanova smirnov smirnova kuznetsov kuznetsova popov popova vasilyev vasiliev
vasilev petrov petrova sokolov sokolova mikhailov mikhaylov novikov fedorov fyodorov
morozov volkov alekseev alexeev lebedev semenov semyonov egorov yegorov pavlov kozlov
stepanov nikolaev nikolayev orlov andreev andreyev makarov nikitin zakharov zaitsev
zaytsev solovyov soloviev borisov yakovlev grigoryev grigoriev romanov vorobyov vorobiev
sergeev sergeyev kuzmin frolov alexandrov aleksandrov dmitriev dmitriyev korolev gusev
kiselev ilyin maksimov polyakov sorokin vinogradov kovalev belov medvedev antonov tarasov
zhukov baranov filippov komarov davydov belyaev gerasimov bogdanov osipov sidorov
matveev titov markov mironov krylov kulikov karpov vlasov melnikov denisov gavrilov
tikhonov kazakov afanasyev danilov savelyev timofeev fomin chernov abramov martynov
efimov fedotov shcherbakov nazarov kalinin isaev chernyshev bykov maslov rodionov
konovalov lazarev voronin klimov filatov ponomarev golubev kudryavtsev prokhorov
naumov potapov zhuravlev ovchinnikov trofimov leonov sobolev ermakov kolesnikov
goncharov emelyanov nikiforov grachev kotov grishin efremov arkhipov gromov kirillov
malyshev panov moiseev rumyantsev akimov kondratyev biryukov gorbunov
alexander aleksandr aleksandra alexandra alexei aleksei aleksey alexey andrei andrey
anton artem artyom boris denis dmitri dmitry dmitriy evgeny evgeni yevgeny yevgeni
evgeniy yevgeniy fyodor fedor igor ilya ivan kirill konstantin maxim maksim mikhail
nikita nikolai nikolay oleg pavel roman ruslan sergei sergey stanislav timur vadim
valentin valery valeriy viktor victor vitaly vitaliy vladimir vladislav vyacheslav
yaroslav yuri yury yuriy anastasia anna daria darya ekaterina yekaterina elena yelena
olena irina natalia natalya nataliya olga svetlana tatiana tatyana yulia yuliya julia
marina maria mariya ksenia kseniya sofia polina victoria viktoriya valentina galina
lyudmila ludmila larisa nadezhda vera lyubov oksana alla inna zoya
petrenko kovalenko bondarenko tkachenko kravchenko shevchenko boyko kovalchuk melnyk
oliynyk polishchuk lysenko savchenko rudenko marchenko moroz
nowak kowalski kowalska wisniewski wisniewska wojcik kowalczyk kaminski lewandowski
zielinski szymanski wozniak dabrowski kozlowski jankowski mazur wojciechowski kwiatkowski
krawczyk kaczmarek piotrowski grabowski pawlowski michalski adamczyk dudek zajac wieczorek
jablonski krol majewski olszewski jaworski wrobel malinowski pawlak witkowski walczak
stepien gorski rutkowski michalak sikora ostrowski baran duda szewczyk tomaszewski
piotr krzysztof andrzej tomasz pawel marcin michal jakub jan grzegorz lukasz adam
marek wojciech mariusz dariusz zbigniew jerzy tadeusz agnieszka katarzyna malgorzata
joanna ewa magdalena monika dorota aleksandra barbara krystyna zofia
muller mueller schmidt schneider fischer weber meyer meier wagner becker schulz hoffmann
schafer koch bauer richter klein wolf schroder neumann schwarz zimmermann braun kruger
hofmann hartmann lange schmitt werner krause lehmann schmid schulze maier kohler herrmann
walter konig mayer huber kaiser fuchs peters lang scholz moller weiss jung hahn vogel
friedrich keller gunther frank berger winkler roth beck lorenz baumann franke albrecht
schuster simon ludwig bohm winter kraus martin schumacher kramer vogt stein jager otto
sommer gross seidel heinrich brandt haas schreiber graf schulte dietrich ziegler kuhn
hans klaus jurgen dieter wolfgang uwe heinz gunter horst karl helmut manfred werner
gerhard bernd rolf ralf frank stefan stephan andreas thomas michael markus matthias
christian sebastian tobias florian lukas felix jonas leon maximilian paul ursula
sabine petra monika renate karin heike claudia birgit susanne andrea gabriele anja
nicole julia lena laura lea hanna sophie
martin bernard dubois thomas robert richard petit durand leroy moreau simon laurent
lefebvre michel garcia david bertrand roux vincent fournier morel girard andre lefevre
mercier dupont lambert bonnet francois martinez legrand garnier faure rousseau blanc
guerin muller henry roussel nicolas perrin morin mathieu clement gauthier dumont lopez
fontaine chevalier robin masson sanchez gerard nguyen boyer denis lemaire duval joly
gautier roger roche roy noel meyer lucas meunier jean perez marchand dufour blanchard
gillet chevallier fabre
jean pierre michel philippe alain nicolas christophe patrick christian daniel eric
frederic laurent stephane olivier sebastien julien francois thierry pascal bernard
jacques andre louis claude marcel rene guy yves luc gilles dominique bruno herve
marie nathalie isabelle sylvie catherine francoise christine monique valerie sandrine
veronique sophie celine martine nicole chantal stephanie aurelie camille julie manon
chloe emma lea ines
rossi russo ferrari esposito bianchi romano colombo ricci marino greco bruno gallo conti
deluca costa giordano mancini rizzo lombardi moretti barbieri fontana santoro mariani
rinaldi caruso ferrara galli martini leone longo gentile martinelli vitale lombardo
serra coppola desantis dangelo marchetti parisi villa conte ferraro ferri fabbri bianco
marini grasso valentini messina sala deangelis gatti pellegrini palumbo sanna farina
rizzi monti cattaneo morelli amato silvestri mazza testa grassi pellegrino carbone
giuliani benedetti barone rossetti caputo montanari guerra palmieri bernardi martino
fiore ferretti bellini basile riva donati piras vitali battaglia sartori neri costantini
milani pagano ruggiero sorrentino damico orlando damico negri
giuseppe giovanni antonio mario luigi francesco angelo vincenzo pietro salvatore carlo
franco domenico bruno paolo michele giorgio aldo sergio luciano marco andrea roberto
stefano alessandro massimo luca matteo lorenzo davide simone federico riccardo gabriele
maria anna giuseppina rosa angela giovanna teresa lucia carmela caterina francesca
paola laura giulia chiara sara alessia martina elena silvia valentina
chan chow cheung wong leung lam ho ng yip tsang tse kwok lau mak siu tam chu fung kwan
tsai hsu lin chang huang chen wu liu yang
kim lee park choi jung jeong chung kang cho jo yoon yun jang chang lim im han oh shin
seo suh kwon hwang ahn song yoo ryu hong jeon chun go ko moon mun yang son bae baek
paek heo hur yu nam noh roh ha kwak koo gu sung seong cha joo ju woo min ryu na jin
ji um eom chae won cheon bang gong hyun kong
min seo ji hye young yeong jun joon woo hyun hyeon soo su jin eun yun yoon hee sung
seong ho ha won jae jung jeong seung sang dong hoon hun kyung kyeong mi yeon na ye
hae ah in ju joo chan gyu kyu tae hwan yong ok sun soon bok
nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly truong dinh
mai lam trinh luong dao cao ta quach van thi minh anh duc hung tuan hai long nam son
thanh phuong linh lan huong hoa hanh trang thu mai ngoc thao hieu quang khanh dung
tam binh thuy yen loan nga nhung vy
sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi kato yoshida
yamada sasaki yamaguchi matsumoto inoue kimura hayashi shimizu yamazaki mori abe ikeda
hashimoto yamashita ishikawa nakajima maeda fujita ogawa goto okada hasegawa murakami
kondo ishii saito sakamoto endo aoki fujii nishimura fukuda ota miura fujiwara okamoto
matsuda nakagawa
hiroshi takashi kenji yuki akira satoshi makoto kazuki haruto sota yuto riku daiki
takumi kenta shota ryo yuko keiko yoko akiko tomoko kyoko naoko sachiko yui yuna hina
sakura aoi mei rin akari mio
kumar singh sharma verma gupta patel shah mehta jain agarwal aggarwal reddy rao naidu
nair menon pillai iyer iyengar das dasgupta banerjee chatterjee mukherjee ghosh bose
sen roy dutta chakraborty mishra tiwari pandey dubey shukla tripathi yadav chauhan
rathore thakur joshi desai kulkarni deshpande patil pawar jadhav gaikwad more shinde
naik kaur gill sandhu sidhu dhillon grewal malhotra kapoor khanna arora bhatia chopra
saxena srivastava sinha prasad pandit chaudhary chaudhry
raj rahul amit sanjay vijay ajay anil sunil ramesh suresh rajesh mahesh dinesh ganesh
mukesh rakesh manoj vinod ashok arun ravi krishna gopal ram shyam mohan sachin rohit
vikram arjun aditya rohan karan vivek deepak pradeep sandeep nitin sai priya pooja
neha anjali kavita sunita anita geeta sita lakshmi divya deepa meena rekha asha usha
shanti radha sneha swati ritu nisha
mohamed ibrahim abubakar abdullahi musa yusuf suleiman sulaiman bello garba aliyu
usman umaru adamu haruna okafor okonkwo okeke eze nwosu obi adeyemi adebayo ogunleye
oladipo olawale ogundipe mensah owusu boateng asante osei appiah acheampong kamau
mwangi otieno ochieng odhiambo onyango kariuki njoroge wanjiru achieng wambui banda
phiri mwale tembo moyo ncube dube ndlovu nkosi dlamini mokoena zulu khumalo mahlangu
kofi kwame kwabena yaw ama akosua abena chinedu chukwu emeka ngozi amaka tunde femi
bola kemi sipho thabo themba john joseph peter paul grace mary
iran iranian russia russian syria syrian korea korean china chinese iraq iraqi cuba cuban
venezuela venezuelan libya libyan lebanon lebanese afghanistan afghan belarus belarusian
ukraine ukrainian yemen yemeni sudan sudanese somalia somali pakistan pakistani myanmar burma
emirates uae turkey crimea moscow tehran damascus pyongyang beijing shanghai dubai
`)...)

// isCommonName reports whether t is in the table of common names or is a
// single syllable of Mandarin pinyin: Chinese surnames and given names are
// made of about four hundred syllables (Wang, Li, Wei, Fang), none of which
// tells one person from another. A compound given name written as one word
// (Xiaoming) is not a single syllable and keeps its rarity.
//
// A spelling of a common name that folds to the same key is common too
// (Petrow and Popow, German renderings of Petrov and Popov).
func isCommonName(t string) bool {
	if _, ok := commonNames[t]; ok {
		return true
	}
	if _, ok := pinyinSyllables[t]; ok {
		return true
	}
	if len(t) > maxTokenBytes {
		return false
	}
	var b [2 * maxTokenBytes]byte
	_, ok := commonFolds[string(appendFold(b[:0], t))]
	return ok
}

// commonFolds and commonSkels hold the fold keys and the sound keys of the
// common names.
var commonFolds, commonSkels = func() (map[string]struct{}, map[string]struct{}) {
	f := make(map[string]struct{}, len(commonNames))
	k := make(map[string]struct{}, len(commonNames))
	for n := range commonNames {
		f[foldOf(n)] = struct{}{}
		if sk := skelOf(n); len(sk) >= 2 {
			k[sk] = struct{}{}
		}
	}
	return f, k
}()

// commonSound reports whether a token of a query's transliteration sounds
// like a common name: its vowels are guesses, so a rendering such as Siad
// for سعد is Saad as far as anyone can tell from the writing.
func commonSound(skel string) bool {
	_, ok := commonSkels[skel]
	return ok
}

// isSyllable reports whether t is a single pinyin syllable. Two different
// syllables are two different Chinese characters, never a misspelling of
// each other (Yang is not Kang, Yong is not Zhiyong).
func isSyllable(t string) bool {
	_, ok := pinyinSyllables[t]
	return ok
}

// isHan reports whether s has a Chinese character (unicode.Han, the
// table translit detects the script by) and no kana: translit reads a
// name with kana as Japanese, whose readings are not pinyin syllables. It
// does not allocate.
func isHan(s string) bool {
	han := false
	for _, r := range s {
		switch {
		case r < 0x2E80: // below the CJK blocks
		case unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r):
			return false
		case unicode.Is(unicode.Han, r):
			han = true
		}
	}
	return han
}

// pinyinWord reports whether t is spelt wholly by pinyin syllables, one
// or more (Jiayi, Zhiyong): a Chinese name, not a typo of one. It does not
// allocate.
func pinyinWord(t string) bool {
	// ok[i]: t[:i] splits into syllables; syllables are 1 to 6 letters.
	var ok [maxTokenBytes + 1]bool
	if len(t) == 0 || len(t) > maxTokenBytes {
		return false
	}
	ok[0] = true
	for i := 1; i <= len(t); i++ {
		for j := max(0, i-6); j < i && !ok[i]; j++ {
			ok[i] = ok[j] && isSyllable(t[j:i])
		}
	}
	return ok[len(t)]
}

// pinyinSyllables holds the toneless pinyin syllables: every initial with
// every final (a superset of the syllables in use, which does no harm).
var pinyinSyllables = func() map[string]struct{} {
	initials := strings.Fields("b p m f d t n l g k h j q x zh ch sh r z c s y w")
	initials = append(initials, "")
	finals := strings.Fields("a o e ai ei ao ou an en ang eng ong er i ia ie iao iu ian in iang ing iong u ua uo uai ui uan un uang ue")
	m := make(map[string]struct{}, len(initials)*len(finals))
	for _, i := range initials {
		for _, f := range finals {
			m[i+f] = struct{}{}
		}
	}
	return m
}()
