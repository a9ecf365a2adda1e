/**
 * Common passwords, refused as (the core of) a new password. Source: drawn from the first 1,500 entries of
 * SecLists, Passwords/Common-Credentials/10k-most-common.txt (Daniel Miessler et al., MIT licence),
 * with vulgar entries left out (about 1,150 kept). Lower case. Used by checkPasswordRules.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  `password 123456 12345678 qwerty dragon baseball football letmein monkey abc123 mustang michael shadow master
jennifer 111111 jordan superman harley 1234567 hunter trustno1 ranger buster thomas tigger robert soccer
batman test pass killer hockey george charlie andrew michelle love sunshine jessica pepper daniel access
123456789 654321 joshua maggie starwars silver william dallas yankees 123123 ashley 666666 hello amanda orange
freedom computer thunder nicole ginger heather hammer summer corvette taylor austin merlin matthew 121212
golfer cheese princess martin chelsea patrick richard diamond yellow bigdog secret asdfgh sparky cowboy camaro
anthony matrix falcon iloveyou bailey guitar jackson purple scooter phoenix aaaaaa morgan tigers porsche
mickey maverick cookie nascar peanut justin 131313 money samantha steelers joseph snoopy boomer whatever
iceman smokey gateway dakota cowboys eagles chicken black zxcvbn please andrea ferrari knight melissa compaq
coffee booboo johnny bulldog xxxxxx welcome james player ncc1701 wizard scooby charles junior internet mike
brandy tennis banana monster spider lakers miller rabbit enter mercedes brandon steven fender john yamaha
diablo chris boston tiger marine chicago rangers gandalf winter barney edward raiders badboy spanky bigdaddy
johnson chester london midnight blue fishing 000000 hannah slayer 11111111 rachel redsox thx1138 asdf marlboro
panther zxcvbnm arsenal oliver qazwsx mother victoria 7777777 jasper angel david winner crystal golden viking
jack shannon murphy angels prince cameron madison wilson carlos willie startrek captain maddog jasmine butter
angela golf lauren rocket tiffany theman dennis liverpoo flower forever green jackie muffin turtle sophie
danielle redskins toyota jason sierra winston debbie giants packers newyork jeremy casper bubba 112233 sandra
lovers mountain united cooper driver tucker helpme pookie lucky maxwell 8675309 bear gators 222222 jaguar
monica fred happy hotdog gemini lover xxxxxxxx 777777 canada nathan victor florida 88888888 nicholas rosebud
metallic doctor trouble success stupid tomcat warrior peaches apples fish qwertyui magic buddy dolphins
rainbow gunner 987654 freddy alexis braves cocacola xavier dolphin testing bond007 member calvin voodoo samson
alex apollo fire tester walter beavis voyager peter bonnie rush2112 beer apple scorpio jonathan skippy sydney
scott red123 power gordon travis beaver star flyers 232323 zzzzzz steve rebecca scorpion doggie legend yankee
blazer bill runner birdie 555555 parker topgun asdfasdf heaven viper animal bigboy arthur baby private
godzilla donald williams phantom dave rock august sammy cool brian platinum jake bronco paul mark frank copper
billy garfield willow little carter albert 69696969 kitten super jordan23 eagle1 shelby america jessie house
free 123321 chevy white broncos surfer nissan 999999 saturn airborne elephant marvin action adidas qwert kevin
explorer walker police christin december benjamin wolf sweet therock king online brooklyn teresa cricket
sharon dexter racing gregory dreams michigan magnum 87654321 nothing donkey trinity digital 333333 stella
cartman guinness 123abc speedy buffalo kitty eagle einstein kelly nelson nirvana vampire pumpkin snowball
test123 mexico beatles fantasy gibson celtic marcus cherry cassie 888888 natasha sniper chance genesis hotrod
college jester passw0rd lasvegas carmen slipknot kimberly 1q2w3e eclipse 1q2w3e4r stanley samuel drummer homer
montana music spencer jimmy carolina colorado creative hello1 rocky friday scotty abcdef bubbles hawaii fluffy
stephen horses thumper darkness asdfghjk pamela vanessa sandman douglas honda azerty shorty money1 beach
loveme simple poohbear 444444 destiny sarah denise vikings lizard melanie sabrina nintendo water good howard
123qwe november october leather password1 vincent lacrosse hotmail spooky alaska badger paradise crazy mozart
video russell spitfire anderson norman eric cherokee cougar barbara 420420 family horse enigma allison raider
brazil blonde jones drowssap jeff school marshall lovely 1qaz2wsx jeffrey caroline franklin molly snickers
leslie courtney diesel eminem westside suzuki daddy passion hummer zachary frankie elvis reggie alpha simpson
patricia 147147 pirate tommy semperfi jupiter freeuser ducati paris natalie babygirl bishop windows spirit
pantera monday patches brutus houston smooth penguin marley forest cream 212121 flash maximus bobby bradley
vision pokemon champion fireman softball picard system clinton cobra enjoy lucky1 claire claudia boogie
timothy marines security admin wildcats dancer veronica abcd1234 abcdefg ironman remember great freepass
bigred justice francis hobbes kermit pearljam mercury domino denver brooke rascal hitman simon tony friend
peekaboo budlight electric stargate saints brittany bigman zombie swimming duke qwerty1 scotland disney
rooster brenda olivia hunting blink182 alicia samsung virginia general passport liberty arizona jesus abcd
newport skipper rolltide happy1 weasel wombat digger classic bulldogs accord popcorn turkey jenny amber bunny
mouse titanic liverpool dreamer everton friends gabriel psycho nemesis pontiac connor mitchell ireland lincoln
arnold patriots goblue devils eugene empire cardinal brown shaggy froggy qwer kawasaki people light 54321
chopper honey whynot lisa baxter adam snake airplane britney avalon sandy sugar raven scarface 123654 trucks
wolfpack lawrence raymond american alyssa movie woody snowman tiger1 raptor stingray shooter france stars
kristen sports jerry 789456 garcia simpsons lights ryan alison hahaha perfect service spring spike katie oscar
brother single georgia popeye texas party bullet taurus sailor wolves panthers japan strike flowers berlin
marina fisher russia wolfgang testtest catch22 michael1 159753 alpha1 trooper hawkeye dodgers pakistan machine
pyramid infinity inside pepsi letmein1 control hercules james1 outlaw billybob pickle test1 changeme caesar
prelude tanner adrian darkside bowling sunset alabama danger zeppelin rusty qwe123 casino charlie1 integra
apache tweety qwerty12 business sterling trevor dustin harvey england seattle rose harry openup pandora
wallace indigo storm malibu review dilbert pegasus joker flipper valerie detroit kenneth cheyenne stacey smoke
seven pizza pretty stealth manutd gracie longhorn mnbvcxz wicked mustang1 victory awesome athena q1w2e3r4 help
holiday knicks street 12341234 casey gizmo dragon1 triumph eddie bluebird shotgun angel1 daisy special
metallica country lennon omega miranda search blizzard unicorn asdf1234 harrison trigger danny home winnie
beauty thailand 1234567890 cadillac castle tyler bobcat buddy1 sunny stones freddie loveyou indiana trumpet
colors 12121212 fireball logan precious aaron jungle atlanta gold corona polaris timber theone orlando island
skyline dragons engineer pencil basketball hornet world linda barbie farmer larry foobar travel morpheus
target photos laura savage holly rocky1 dollar turbo design newton moon avatar future goforit random cancer
q1w2e3 smiley express andy babylon monkey1 serenity samurai 99999999 master1 birthday 1234qwer alfred 98765432
maria 77777777 airforce watson always dodge burger bird pink holmes piglet photo hamilton paladin abcdefgh
bigfoot sunday goldfish garden icecream spartan julie galaxy holland planet blues peace david1 karen jamie
sister whiskey plastic savannah racecar yankees1 hansolo chiefs salmon shamrock atlantis predator sammy1
marathon montreal justme diamonds tristan stallion letmein2 april shadow1 bluesky sundance renegade soldier
picture goddess manager hello123 sweetpea tornado aragorn griffin trojan father crimson google camera lovelove
wheels greenday 987654321 hiphop cookies ravens aurora madness energy sophia rocker 55555555 freeman mongoose
speed ghost january singer shark techno autumn delta network teacher susan toronto genius dream karate pacific
sailing jacob sherlock ultimate artist python ninja misty ytrewq sweetie 456789 freedom1 potter hobbit violet
nolimit mylove biscuit yahoo smile emerald pirates toshiba gotcha emily jazz chaos boss warcraft window
microsoft quality kennedy teddy qazxsw boeing keeper western subaru maniac a1b2c3 snow memphis magic1 million
sesame hamster bingo miami change lucas muscle bluemoon 13579 basket 22222222 stardust margaret 66666666
forget qwertz history office 11223344 welcome1 246810 user nicolas surfing pioneer masters apple1 asdasd
global life lobster capital vader`.split(/\s+/),
);
