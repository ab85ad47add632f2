"""Statement / known fact-check pairs written for this project (invented claims, our own words).

Each pair: (a statement as an article would carry it, the claim as a fact-check names it, same claim?).
"Same claim" means a fact-check of the second would answer the first. Negatives are mostly hard ones:
the same topic with a different figure, subject or direction, plus some unrelated pairs.

TUNING chose the threshold (python -m factcheck.factchecks.evaluate). TEST was written alongside and
never used to pick a threshold, but its scores were seen while the score's form was chosen; FRESH (at
the end) was written afterwards and scored once.
"""

TUNING = [
    # same claim, reworded
    (
        "The unemployment rate fell to 4.1% last year, the lowest in two decades, the minister said.",
        "Unemployment dropped to 4.1 percent, its lowest level in 20 years.",
        True,
    ),
    (
        "Crime in the city has doubled since the mayor took office, his opponent claimed.",
        "Crime has doubled under the current mayor.",
        True,
    ),
    (
        "Vaccines cause autism in young children, the post said.",
        "Childhood vaccines cause autism.",
        True,
    ),
    (
        "The new bridge will cost taxpayers £3 billion, according to the opposition.",
        "The bridge project will cost the public £3bn.",
        True,
    ),
    (
        "Immigrants commit more crimes than people born in the country, the candidate told the rally.",
        "Immigrants are more likely to commit crimes than native-born citizens.",
        True,
    ),
    (
        "Half of all teachers leave the profession within five years, the union said.",
        "50% of teachers quit within their first five years.",
        True,
    ),
    (
        "Drinking hot water with lemon cures the flu, a viral video claims.",
        "Hot lemon water cures influenza.",
        True,
    ),
    (
        "The country now produces more electricity from wind than from coal.",
        "Wind power generates more of the nation's electricity than coal.",
        True,
    ),
    (
        "Our government built 300,000 new homes last year, the housing secretary said.",
        "The government built 300,000 homes in the past year.",
        True,
    ),
    (
        "Petrol prices have risen by 40% since January, the motoring group said.",
        "Fuel prices went up 40 percent since the start of the year.",
        True,
    ),
    (
        "The 5G masts spread the coronavirus, according to the leaflet.",
        "5G networks spread COVID-19.",
        True,
    ),
    (
        "Only 3% of plastic is recycled in this country, the campaigners said.",
        "Just three percent of plastic waste gets recycled nationally.",
        True,
    ),
    (
        "The senator voted against funding for veterans' hospitals 12 times.",
        "The senator voted 12 times against money for veterans' hospitals.",
        True,
    ),
    (
        "The city's population has fallen below one million for the first time since 1950.",
        "The city's population dropped under 1 million, the first time since 1950.",
        True,
    ),
    (
        "Eating chocolate every day helps you lose weight, the study shared online suggests.",
        "Daily chocolate consumption leads to weight loss.",
        True,
    ),
    (
        "Nine out of ten new jobs created last year went to foreign workers, the party leader said.",
        "90% of new jobs last year went to foreign-born workers.",
        True,
    ),
    (
        "The minimum wage increase cost 200,000 jobs, business leaders warned.",
        "Raising the minimum wage destroyed 200,000 jobs.",
        True,
    ),
    (
        "Hospital waiting lists have reached a record 7.6 million people.",
        "NHS waiting lists are at a record high of 7.6 million.",
        True,
    ),
    (
        "The prime minister said inflation had been halved this year.",
        "The government has halved inflation.",
        True,
    ),
    (
        "Windmills kill millions of birds every year, the MP told parliament.",
        "Wind turbines kill millions of birds annually.",
        True,
    ),
    # same topic, different claim
    (
        "The unemployment rate rose to 6.3% in March, the statistics office said.",
        "Unemployment dropped to 4.1 percent, its lowest level in 20 years.",
        False,
    ),
    (
        "Crime in the city fell by 10% last year, police figures show.",
        "Crime has doubled under the current mayor.",
        False,
    ),
    (
        "Vaccination rates among toddlers fell to 85% this year.",
        "Childhood vaccines cause autism.",
        False,
    ),
    (
        "The new bridge will open to traffic in the spring, the council said.",
        "The bridge project will cost the public £3bn.",
        False,
    ),
    (
        "Net migration reached 600,000 last year, official figures show.",
        "Immigrants are more likely to commit crimes than native-born citizens.",
        False,
    ),
    (
        "Teachers will get a 5% pay rise from September, the education minister announced.",
        "50% of teachers quit within their first five years.",
        False,
    ),
    (
        "Flu cases have tripled in the past month, doctors warn.",
        "Hot lemon water cures influenza.",
        False,
    ),
    (
        "The country will close its last coal power station in 2030.",
        "Wind power generates more of the nation's electricity than coal.",
        False,
    ),
    (
        "House prices rose by 8% last year, the lender said.",
        "The government built 300,000 homes in the past year.",
        False,
    ),
    (
        "Electricity bills will fall by 10% in April, the regulator said.",
        "Fuel prices went up 40 percent since the start of the year.",
        False,
    ),
    (
        "Half of the population has had a COVID-19 booster, the health agency said.",
        "5G networks spread COVID-19.",
        False,
    ),
    (
        "The senator voted for the new defence budget on Tuesday.",
        "The senator voted 12 times against money for veterans' hospitals.",
        False,
    ),
    (
        "The city's population grew by 2% last year, the census office said.",
        "The city's population dropped under 1 million, the first time since 1950.",
        False,
    ),
    (
        "Nine out of ten doctors say they are overworked, a survey found.",
        "90% of new jobs last year went to foreign-born workers.",
        False,
    ),
    (
        "Hospital waiting times in Wales are shorter than in England, the minister said.",
        "NHS waiting lists are at a record high of 7.6 million.",
        False,
    ),
    # unrelated
    (
        "The ferry terminal cost £48m and will handle 2.1 million passengers a year.",
        "Childhood vaccines cause autism.",
        False,
    ),
    (
        "Russia launched a record 550 drones and missiles overnight.",
        "The bridge project will cost the public £3bn.",
        False,
    ),
    (
        "The festival attracted 40,000 visitors over the weekend.",
        "Unemployment dropped to 4.1 percent, its lowest level in 20 years.",
        False,
    ),
    (
        "The club signed the striker for a record fee of £90m.",
        "Daily chocolate consumption leads to weight loss.",
        False,
    ),
    (
        "Rail journeys rose 12% to 48.2 million in the year to March.",
        "Wind turbines kill millions of birds annually.",
        False,
    ),
]

TEST = [
    # same claim, reworded
    (
        "Violent crime has risen by 30% in the capital since 2019, the opposition leader said.",
        "Violent crime in the capital is up 30 percent since 2019.",
        True,
    ),
    (
        "Masks do not stop the spread of viruses, the influencer told her followers.",
        "Face masks don't prevent viruses from spreading.",
        True,
    ),
    (
        "The country spends more on debt interest than on education, the think tank said.",
        "Government debt interest payments exceed the education budget.",
        True,
    ),
    (
        "A quarter of children live in poverty, the charity's report found.",
        "25% of children are living in poverty.",
        True,
    ),
    (
        "The governor claimed that the state has the lowest taxes in the region.",
        "Our state has the lowest taxes in the region.",
        True,
    ),
    (
        "Electric cars produce more carbon emissions than petrol cars over their lifetime, the columnist wrote.",
        "Over their lifetime electric vehicles emit more CO2 than petrol cars.",
        True,
    ),
    (
        "The company paid no corporation tax last year despite £2bn in profits.",
        "The firm made £2 billion profit but paid zero corporation tax last year.",
        True,
    ),
    (
        "Farmers receive less than 10p of every pound spent on food, the union said.",
        "Farmers get under 10 pence for each pound consumers spend on food.",
        True,
    ),
    (
        "The drought has cut the wheat harvest by a third, the ministry said.",
        "Drought reduced the wheat harvest by one third.",
        True,
    ),
    (
        "Sea levels have risen 20 centimetres since 1900, scientists said.",
        "Global sea level has gone up by 20 cm since the start of the 20th century.",
        True,
    ),
    (
        "The president said the border wall has stopped 90% of illegal crossings.",
        "The border wall stopped 90 percent of illegal crossings.",
        True,
    ),
    (
        "Sugar makes children hyperactive, the parenting blog claimed.",
        "Eating sugar causes hyperactivity in kids.",
        True,
    ),
    (
        "The mayor said the city has planted one million trees since 2015.",
        "The city planted a million trees since 2015.",
        True,
    ),
    (
        "Tap water in the town contains dangerous levels of lead, residents were told in a flyer.",
        "The town's tap water has dangerous lead levels.",
        True,
    ),
    # same topic, different claim
    (
        "Violent crime in the capital fell slightly last year, according to police.",
        "Violent crime in the capital is up 30 percent since 2019.",
        False,
    ),
    (
        "Masks will no longer be required on public transport from Monday.",
        "Face masks don't prevent viruses from spreading.",
        False,
    ),
    (
        "The education budget will rise by 4% next year, the chancellor said.",
        "Government debt interest payments exceed the education budget.",
        False,
    ),
    (
        "Child poverty fell by 100,000 last year, the government said.",
        "25% of children are living in poverty.",
        False,
    ),
    (
        "The state raised its sales tax to 7% in January.",
        "Our state has the lowest taxes in the region.",
        False,
    ),
    (
        "Sales of electric cars doubled last year, industry figures show.",
        "Over their lifetime electric vehicles emit more CO2 than petrol cars.",
        False,
    ),
    (
        "The company's profits rose to £2bn, it reported on Tuesday.",
        "The firm made £2 billion profit but paid zero corporation tax last year.",
        False,
    ),
    (
        "Food prices rose 12% in the year to June.",
        "Farmers get under 10 pence for each pound consumers spend on food.",
        False,
    ),
    (
        "The wheat price hit a record high in May.",
        "Drought reduced the wheat harvest by one third.",
        False,
    ),
    (
        "Border crossings rose to a record 250,000 in December.",
        "The border wall stopped 90 percent of illegal crossings.",
        False,
    ),
    (
        "The city will plant 20,000 trees along its main roads this winter.",
        "The city planted a million trees since 2015.",
        False,
    ),
    # unrelated
    (
        "Passenger journeys rose 12% to 48.2 million, the operator said.",
        "25% of children are living in poverty.",
        False,
    ),
    (
        "The hospital treated 12,400 patients from its waiting list last year.",
        "Eating sugar causes hyperactivity in kids.",
        False,
    ),
    (
        "The museum received 1.2 million visitors in its first year.",
        "The town's tap water has dangerous lead levels.",
        False,
    ),
    (
        "The airline cancelled 300 flights because of the strike.",
        "Global sea level has gone up by 20 cm since the start of the 20th century.",
        False,
    ),
    (
        "Interior Minister said schools and hospitals were damaged in the attack.",
        "Face masks don't prevent viruses from spreading.",
        False,
    ),
]

# Written after the score and thresholds were fixed (commit 11f4568) and scored once, unchanged since:
# TEST was looked at while the score's form was chosen (cosine vs trigrams vs both), FRESH never was.
FRESH = [
    # same claim, reworded
    (
        "The council has closed 14 libraries since 2018, campaigners said.",
        "Fourteen libraries have been shut by the council since 2018.",
        True,
    ),
    (
        "Nuclear power is the safest source of energy per unit of electricity, the columnist argued.",
        "Per unit of electricity produced, nuclear is the safest energy source.",
        True,
    ),
    (
        "The average commute now takes an hour each way, the survey found.",
        "Commuters spend an average of one hour travelling each way.",
        True,
    ),
    (
        "One in five young people is out of work in the region, the opposition said.",
        "20% of young people in the region are unemployed.",
        True,
    ),
    (
        "The new stadium was paid for entirely by private money, the club's chairman insisted.",
        "No public money was spent on the new stadium.",
        True,
    ),
    (
        "Drinking coffee raises your risk of heart disease, the advert claimed.",
        "Coffee increases the risk of heart disease.",
        True,
    ),
    (
        "Rents in the capital have risen by 25% in two years.",
        "Rents in the capital went up a quarter over the past two years.",
        True,
    ),
    (
        "The government has hired 20,000 extra police officers since 2019, the home secretary said.",
        "20,000 additional police officers have been recruited since 2019.",
        True,
    ),
    (
        "Most of the country's rivers are polluted by sewage, the report says.",
        "The majority of the nation's rivers are contaminated with sewage.",
        True,
    ),
    (
        "Electric scooters cause more injuries than bicycles, the safety group warned.",
        "E-scooters lead to more injuries than bikes.",
        True,
    ),
    (
        "The airport expansion will create 10,000 jobs, the developer said.",
        "Expanding the airport would create ten thousand jobs.",
        True,
    ),
    (
        "Homeopathy can cure cancer, the clinic's website claims.",
        "Homeopathic remedies cure cancer.",
        True,
    ),
    # same topic, different claim
    (
        "The council will reopen two libraries next spring.",
        "Fourteen libraries have been shut by the council since 2018.",
        False,
    ),
    (
        "The country's last nuclear plant will close in 2035, the energy minister said.",
        "Per unit of electricity produced, nuclear is the safest energy source.",
        False,
    ),
    (
        "Train fares for commuters will be frozen next year.",
        "Commuters spend an average of one hour travelling each way.",
        False,
    ),
    (
        "Youth unemployment fell by 3% last quarter, official figures show.",
        "20% of young people in the region are unemployed.",
        False,
    ),
    (
        "The new stadium will hold 60,000 fans, the club said.",
        "No public money was spent on the new stadium.",
        False,
    ),
    (
        "Coffee prices hit a 10-year high this month.",
        "Coffee increases the risk of heart disease.",
        False,
    ),
    (
        "The mayor promised to cap rents in the capital.",
        "Rents in the capital went up a quarter over the past two years.",
        False,
    ),
    (
        "Police numbers in rural areas have fallen, the report found.",
        "20,000 additional police officers have been recruited since 2019.",
        False,
    ),
    # unrelated
    (
        "The orchestra will tour 12 cities next summer.",
        "Homeopathic remedies cure cancer.",
        False,
    ),
    (
        "The bakery sold 5,000 loaves on its opening day.",
        "E-scooters lead to more injuries than bikes.",
        False,
    ),
    (
        "The marathon attracted a record 48,000 runners.",
        "The majority of the nation's rivers are contaminated with sewage.",
        False,
    ),
    (
        "Snowfall closed 200 schools across the north on Monday.",
        "Expanding the airport would create ten thousand jobs.",
        False,
    ),
]
