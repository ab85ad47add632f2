"""A fixture article written for these tests. It restates the facts of the seed report (a record
Russian air attack on Ukraine) in our own words; the quotes are paraphrases, not the real wording."""

ARTICLE = """Russia fires record 550 drones and missiles at Ukraine

KYIV, July 4: Russia sent a record 550 drones and missiles against Ukraine overnight in one of its deadliest air assaults of the war, with the capital taking the worst of the damage, according to the Ukrainian Air Force.

Most of the projectiles were shot down, yet 72 of the 550 drones got past Ukraine’s air defences – a jump from the previous record of 537 set a week earlier.

Sirens sounded across Kyiv for more than eight hours as wave after wave of attacks hit the city, the air force said.

Early reports say over 63 drones and nine missiles hit targets in eight places, while falling debris came down at 33 sites.

Ukrainian President Volodymyr Zelensky condemned the assault as “cynical” and spoke of a “long night without sleep”.

He called on allies – the US above all – to put more pressure on Moscow and to impose tougher sanctions.

Hours earlier, US President Donald Trump had spoken to Vladimir Putin by phone. “That call left me deeply unhappy, because I don’t believe he is there yet,” Trump said.

“I just don’t think he wants to stop.”

Kremlin spokesman Dmitry Peskov said the “special military operation” would go on until Russia’s aims were met.
"""

PERTURBED = ARTICLE.replace("nine missiles", "twelve missiles")
