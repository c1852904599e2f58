-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'WEEK', 'MONTH', 'YEAR');

-- CreateEnum
CREATE TYPE "EventType" AS ENUM ('ATTACK', 'MILITARY_OPERATION', 'HOSTAGE_TAKING', 'CASUALTIES', 'NEGOTIATION', 'STATEMENT', 'MEETING', 'PROTEST', 'VIGIL', 'ELECTION', 'AGREEMENT', 'ARREST', 'TRIAL', 'DISASTER', 'ACCIDENT', 'ECONOMIC', 'OTHER');

-- CreateEnum
CREATE TYPE "PlaceKind" AS ENUM ('CONTINENT', 'COUNTRY', 'REGION', 'TERRITORY', 'CITY', 'DISTRICT', 'SITE', 'STREET', 'OTHER');

-- CreateEnum
CREATE TYPE "OrganizationKind" AS ENUM ('GOVERNMENT', 'MILITARY', 'ARMED_GROUP', 'POLITICAL_PARTY', 'INTERNATIONAL_ORGANIZATION', 'NGO', 'MEDIA', 'COMPANY', 'RELIGIOUS', 'HEALTH_AUTHORITY', 'OTHER');

-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('NEWS_AGENCY', 'PUBLISHER', 'GOVERNMENT', 'MILITARY', 'HEALTH_AUTHORITY', 'ARMED_GROUP', 'NGO', 'INTERNATIONAL_ORGANIZATION', 'PERSON', 'SOCIAL_MEDIA_ACCOUNT', 'ANONYMOUS_OFFICIAL', 'PHOTO_AGENCY', 'OTHER');

-- CreateEnum
CREATE TYPE "ParticipantRole" AS ENUM ('ACTOR', 'TARGET', 'VICTIM', 'SPEAKER', 'ORGANIZER', 'WITNESS', 'OTHER');

-- CreateEnum
CREATE TYPE "PlaceRole" AS ENUM ('LOCATION', 'ORIGIN', 'DESTINATION', 'TARGET', 'OTHER');

-- CreateEnum
CREATE TYPE "EventRelationKind" AS ENUM ('PART_OF', 'RESPONSE_TO', 'FOLLOWS');

-- CreateEnum
CREATE TYPE "ClaimMetric" AS ENUM ('KILLED', 'INJURED', 'HOSTAGES', 'MISSING', 'DISPLACED', 'ARRESTED', 'RELEASED', 'POPULATION', 'OTHER');

-- CreateEnum
CREATE TYPE "ClaimQualifier" AS ENUM ('EXACT', 'AT_LEAST', 'MORE_THAN', 'ABOUT', 'UP_TO', 'LESS_THAN');

-- CreateEnum
CREATE TYPE "EntityType" AS ENUM ('PERSON', 'ORGANIZATION', 'PLACE', 'SOURCE', 'EVENT');

-- CreateTable
CREATE TABLE "Article" (
    "id" SERIAL NOT NULL,
    "url" TEXT,
    "contentHash" TEXT NOT NULL,
    "title" TEXT,
    "publishedOn" DATE NOT NULL,
    "publishedAt" TIMESTAMPTZ(3),
    "publisherId" INTEGER,
    "byline" TEXT,
    "datelinePlaceId" INTEGER,
    "text" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "sourcePath" TEXT,
    "ingestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Article_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT,
    "type" "EventType" NOT NULL DEFAULT 'OTHER',
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "precision" "DatePrecision" NOT NULL,
    "approximate" BOOLEAN NOT NULL DEFAULT false,
    "dateText" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "description" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "kind" "OrganizationKind" NOT NULL DEFAULT 'OTHER',
    "description" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Place" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "kind" "PlaceKind" NOT NULL DEFAULT 'OTHER',
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "countryCode" TEXT,
    "parentId" INTEGER,
    "gazetteerId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Place_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Source" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "kind" "SourceKind" NOT NULL DEFAULT 'OTHER',
    "description" TEXT,
    "handle" TEXT,
    "personId" INTEGER,
    "organizationId" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Claim" (
    "id" SERIAL NOT NULL,
    "metric" "ClaimMetric" NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "qualifier" "ClaimQualifier" NOT NULL DEFAULT 'EXACT',
    "subject" TEXT,
    "articleId" INTEGER NOT NULL,
    "eventId" INTEGER,
    "placeId" INTEGER,
    "quote" TEXT NOT NULL,
    "quoteStart" INTEGER NOT NULL,
    "quoteEnd" INTEGER NOT NULL,
    "reportedAt" DATE NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Claim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimSource" (
    "id" SERIAL NOT NULL,
    "claimId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,

    CONSTRAINT "ClaimSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventPlace" (
    "id" SERIAL NOT NULL,
    "eventId" INTEGER NOT NULL,
    "placeId" INTEGER NOT NULL,
    "role" "PlaceRole" NOT NULL DEFAULT 'LOCATION',

    CONSTRAINT "EventPlace_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventPerson" (
    "id" SERIAL NOT NULL,
    "eventId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "role" "ParticipantRole" NOT NULL DEFAULT 'ACTOR',

    CONSTRAINT "EventPerson_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventOrganization" (
    "id" SERIAL NOT NULL,
    "eventId" INTEGER NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "role" "ParticipantRole" NOT NULL DEFAULT 'ACTOR',

    CONSTRAINT "EventOrganization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventRelation" (
    "id" SERIAL NOT NULL,
    "fromEventId" INTEGER NOT NULL,
    "toEventId" INTEGER NOT NULL,
    "kind" "EventRelationKind" NOT NULL,

    CONSTRAINT "EventRelation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventMention" (
    "id" SERIAL NOT NULL,
    "eventId" INTEGER NOT NULL,
    "articleId" INTEGER NOT NULL,
    "sourceId" INTEGER,
    "quote" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,

    CONSTRAINT "EventMention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersonMention" (
    "id" SERIAL NOT NULL,
    "personId" INTEGER NOT NULL,
    "articleId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,

    CONSTRAINT "PersonMention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganizationMention" (
    "id" SERIAL NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "articleId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,

    CONSTRAINT "OrganizationMention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlaceMention" (
    "id" SERIAL NOT NULL,
    "placeId" INTEGER NOT NULL,
    "articleId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,

    CONSTRAINT "PlaceMention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SourceMention" (
    "id" SERIAL NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "articleId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,

    CONSTRAINT "SourceMention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersonAlias" (
    "id" SERIAL NOT NULL,
    "personId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "key" TEXT NOT NULL,

    CONSTRAINT "PersonAlias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganizationAlias" (
    "id" SERIAL NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "key" TEXT NOT NULL,

    CONSTRAINT "OrganizationAlias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlaceAlias" (
    "id" SERIAL NOT NULL,
    "placeId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "key" TEXT NOT NULL,

    CONSTRAINT "PlaceAlias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SourceAlias" (
    "id" SERIAL NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "key" TEXT NOT NULL,

    CONSTRAINT "SourceAlias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EntityMerge" (
    "id" SERIAL NOT NULL,
    "entityType" "EntityType" NOT NULL,
    "survivorId" INTEGER NOT NULL,
    "mergedId" INTEGER NOT NULL,
    "mergedName" TEXT NOT NULL,
    "movedLinks" JSONB NOT NULL,
    "reason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EntityMerge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Article_url_key" ON "Article"("url");

-- CreateIndex
CREATE UNIQUE INDEX "Article_contentHash_key" ON "Article"("contentHash");

-- CreateIndex
CREATE INDEX "Article_publishedOn_id_idx" ON "Article"("publishedOn", "id");

-- CreateIndex
CREATE INDEX "Article_publisherId_publishedOn_idx" ON "Article"("publisherId", "publishedOn");

-- CreateIndex
CREATE INDEX "Article_datelinePlaceId_idx" ON "Article"("datelinePlaceId");

-- CreateIndex
CREATE INDEX "Event_startsOn_id_idx" ON "Event"("startsOn", "id");

-- CreateIndex
CREATE INDEX "Event_endsOn_idx" ON "Event"("endsOn");

-- CreateIndex
CREATE INDEX "Event_type_startsOn_idx" ON "Event"("type", "startsOn");

-- CreateIndex
CREATE INDEX "Person_nameKey_id_idx" ON "Person"("nameKey", "id");

-- CreateIndex
CREATE INDEX "Person_name_id_idx" ON "Person"("name", "id");

-- CreateIndex
CREATE INDEX "Organization_nameKey_id_idx" ON "Organization"("nameKey", "id");

-- CreateIndex
CREATE INDEX "Organization_name_id_idx" ON "Organization"("name", "id");

-- CreateIndex
CREATE INDEX "Organization_kind_name_idx" ON "Organization"("kind", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Place_gazetteerId_key" ON "Place"("gazetteerId");

-- CreateIndex
CREATE INDEX "Place_nameKey_id_idx" ON "Place"("nameKey", "id");

-- CreateIndex
CREATE INDEX "Place_name_id_idx" ON "Place"("name", "id");

-- CreateIndex
CREATE INDEX "Place_parentId_idx" ON "Place"("parentId");

-- CreateIndex
CREATE INDEX "Place_kind_name_idx" ON "Place"("kind", "name");

-- CreateIndex
CREATE INDEX "Source_nameKey_id_idx" ON "Source"("nameKey", "id");

-- CreateIndex
CREATE INDEX "Source_name_id_idx" ON "Source"("name", "id");

-- CreateIndex
CREATE INDEX "Source_kind_name_idx" ON "Source"("kind", "name");

-- CreateIndex
CREATE INDEX "Source_personId_idx" ON "Source"("personId");

-- CreateIndex
CREATE INDEX "Source_organizationId_idx" ON "Source"("organizationId");

-- CreateIndex
CREATE INDEX "Claim_eventId_metric_reportedAt_idx" ON "Claim"("eventId", "metric", "reportedAt");

-- CreateIndex
CREATE INDEX "Claim_placeId_metric_reportedAt_idx" ON "Claim"("placeId", "metric", "reportedAt");

-- CreateIndex
CREATE INDEX "Claim_metric_reportedAt_id_idx" ON "Claim"("metric", "reportedAt", "id");

-- CreateIndex
CREATE INDEX "Claim_reportedAt_id_idx" ON "Claim"("reportedAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Claim_articleId_quoteStart_metric_key" ON "Claim"("articleId", "quoteStart", "metric");

-- CreateIndex
CREATE INDEX "ClaimSource_sourceId_claimId_idx" ON "ClaimSource"("sourceId", "claimId");

-- CreateIndex
CREATE UNIQUE INDEX "ClaimSource_claimId_sourceId_key" ON "ClaimSource"("claimId", "sourceId");

-- CreateIndex
CREATE INDEX "EventPlace_placeId_eventId_idx" ON "EventPlace"("placeId", "eventId");

-- CreateIndex
CREATE UNIQUE INDEX "EventPlace_eventId_placeId_role_key" ON "EventPlace"("eventId", "placeId", "role");

-- CreateIndex
CREATE INDEX "EventPerson_personId_eventId_idx" ON "EventPerson"("personId", "eventId");

-- CreateIndex
CREATE UNIQUE INDEX "EventPerson_eventId_personId_role_key" ON "EventPerson"("eventId", "personId", "role");

-- CreateIndex
CREATE INDEX "EventOrganization_organizationId_eventId_idx" ON "EventOrganization"("organizationId", "eventId");

-- CreateIndex
CREATE UNIQUE INDEX "EventOrganization_eventId_organizationId_role_key" ON "EventOrganization"("eventId", "organizationId", "role");

-- CreateIndex
CREATE INDEX "EventRelation_toEventId_idx" ON "EventRelation"("toEventId");

-- CreateIndex
CREATE UNIQUE INDEX "EventRelation_fromEventId_toEventId_kind_key" ON "EventRelation"("fromEventId", "toEventId", "kind");

-- CreateIndex
CREATE INDEX "EventMention_articleId_start_idx" ON "EventMention"("articleId", "start");

-- CreateIndex
CREATE INDEX "EventMention_sourceId_idx" ON "EventMention"("sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "EventMention_eventId_articleId_start_key" ON "EventMention"("eventId", "articleId", "start");

-- CreateIndex
CREATE INDEX "PersonMention_articleId_start_idx" ON "PersonMention"("articleId", "start");

-- CreateIndex
CREATE UNIQUE INDEX "PersonMention_personId_articleId_start_key" ON "PersonMention"("personId", "articleId", "start");

-- CreateIndex
CREATE INDEX "OrganizationMention_articleId_start_idx" ON "OrganizationMention"("articleId", "start");

-- CreateIndex
CREATE UNIQUE INDEX "OrganizationMention_organizationId_articleId_start_key" ON "OrganizationMention"("organizationId", "articleId", "start");

-- CreateIndex
CREATE INDEX "PlaceMention_articleId_start_idx" ON "PlaceMention"("articleId", "start");

-- CreateIndex
CREATE UNIQUE INDEX "PlaceMention_placeId_articleId_start_key" ON "PlaceMention"("placeId", "articleId", "start");

-- CreateIndex
CREATE INDEX "SourceMention_articleId_start_idx" ON "SourceMention"("articleId", "start");

-- CreateIndex
CREATE UNIQUE INDEX "SourceMention_sourceId_articleId_start_key" ON "SourceMention"("sourceId", "articleId", "start");

-- CreateIndex
CREATE INDEX "PersonAlias_key_idx" ON "PersonAlias"("key");

-- CreateIndex
CREATE UNIQUE INDEX "PersonAlias_personId_key_key" ON "PersonAlias"("personId", "key");

-- CreateIndex
CREATE INDEX "OrganizationAlias_key_idx" ON "OrganizationAlias"("key");

-- CreateIndex
CREATE UNIQUE INDEX "OrganizationAlias_organizationId_key_key" ON "OrganizationAlias"("organizationId", "key");

-- CreateIndex
CREATE INDEX "PlaceAlias_key_idx" ON "PlaceAlias"("key");

-- CreateIndex
CREATE UNIQUE INDEX "PlaceAlias_placeId_key_key" ON "PlaceAlias"("placeId", "key");

-- CreateIndex
CREATE INDEX "SourceAlias_key_idx" ON "SourceAlias"("key");

-- CreateIndex
CREATE UNIQUE INDEX "SourceAlias_sourceId_key_key" ON "SourceAlias"("sourceId", "key");

-- CreateIndex
CREATE INDEX "EntityMerge_entityType_survivorId_createdAt_idx" ON "EntityMerge"("entityType", "survivorId", "createdAt");

-- CreateIndex
CREATE INDEX "EntityMerge_entityType_mergedId_idx" ON "EntityMerge"("entityType", "mergedId");

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_publisherId_fkey" FOREIGN KEY ("publisherId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_datelinePlaceId_fkey" FOREIGN KEY ("datelinePlaceId") REFERENCES "Place"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Place" ADD CONSTRAINT "Place_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Place"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimSource" ADD CONSTRAINT "ClaimSource_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimSource" ADD CONSTRAINT "ClaimSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventPlace" ADD CONSTRAINT "EventPlace_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventPlace" ADD CONSTRAINT "EventPlace_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventPerson" ADD CONSTRAINT "EventPerson_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventPerson" ADD CONSTRAINT "EventPerson_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventOrganization" ADD CONSTRAINT "EventOrganization_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventOrganization" ADD CONSTRAINT "EventOrganization_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventRelation" ADD CONSTRAINT "EventRelation_fromEventId_fkey" FOREIGN KEY ("fromEventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventRelation" ADD CONSTRAINT "EventRelation_toEventId_fkey" FOREIGN KEY ("toEventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventMention" ADD CONSTRAINT "EventMention_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventMention" ADD CONSTRAINT "EventMention_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventMention" ADD CONSTRAINT "EventMention_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonMention" ADD CONSTRAINT "PersonMention_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonMention" ADD CONSTRAINT "PersonMention_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationMention" ADD CONSTRAINT "OrganizationMention_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationMention" ADD CONSTRAINT "OrganizationMention_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlaceMention" ADD CONSTRAINT "PlaceMention_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlaceMention" ADD CONSTRAINT "PlaceMention_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceMention" ADD CONSTRAINT "SourceMention_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceMention" ADD CONSTRAINT "SourceMention_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonAlias" ADD CONSTRAINT "PersonAlias_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationAlias" ADD CONSTRAINT "OrganizationAlias_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlaceAlias" ADD CONSTRAINT "PlaceAlias_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceAlias" ADD CONSTRAINT "SourceAlias_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;
