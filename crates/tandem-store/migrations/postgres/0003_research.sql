-- Research participations from CORDIS (the EU's database of research projects): organisations by
-- PIC, projects, and who took part in what. Filled by `tandem import cordis`; the matching
-- engine builds its collaboration graph from it. A directory organisation links to its CORDIS
-- record through organisations.pic (no foreign key: either may exist without the other).
-- Keep in lock-step with migrations/sqlite/0003_research.sql (tests compare the schemas).
--
-- Amounts are whole euro cents in BIGINT: exact, summable, and the same type on both backends.

CREATE TABLE research_organisations (
    pic TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    short_name TEXT,
    country TEXT,
    city TEXT,
    activity_type TEXT,
    sme BOOLEAN,
    url TEXT,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE research_projects (
    id TEXT PRIMARY KEY NOT NULL,
    acronym TEXT,
    title TEXT,
    framework TEXT,
    programme TEXT,
    topics TEXT,
    objective TEXT,
    start_date DATE,
    end_date DATE,
    total_cost BIGINT,
    ec_contribution BIGINT,
    updated_at TIMESTAMPTZ NOT NULL
);

-- role: coordinator, participant, associatedPartner, … as CORDIS writes it.
CREATE TABLE research_participations (
    project_id TEXT NOT NULL REFERENCES research_projects (id) ON DELETE CASCADE,
    pic TEXT NOT NULL REFERENCES research_organisations (pic) ON DELETE CASCADE,
    role TEXT,
    ec_contribution BIGINT,
    PRIMARY KEY (project_id, pic)
);
CREATE INDEX research_participations_pic ON research_participations (pic);
