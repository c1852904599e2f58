-- AlterTable
ALTER TABLE "OrganizationAlias" ADD COLUMN     "initialsKey" TEXT,
ADD COLUMN     "spellingKey" TEXT;

-- AlterTable
ALTER TABLE "PersonAlias" ADD COLUMN     "spellingKey" TEXT,
ADD COLUMN     "surnameKey" TEXT;

-- AlterTable
ALTER TABLE "SourceAlias" ADD COLUMN     "initialsKey" TEXT,
ADD COLUMN     "spellingKey" TEXT;

-- CreateIndex
CREATE INDEX "OrganizationAlias_initialsKey_idx" ON "OrganizationAlias"("initialsKey");

-- CreateIndex
CREATE INDEX "OrganizationAlias_spellingKey_idx" ON "OrganizationAlias"("spellingKey");

-- CreateIndex
CREATE INDEX "PersonAlias_surnameKey_idx" ON "PersonAlias"("surnameKey");

-- CreateIndex
CREATE INDEX "PersonAlias_spellingKey_idx" ON "PersonAlias"("spellingKey");

-- CreateIndex
CREATE INDEX "SourceAlias_initialsKey_idx" ON "SourceAlias"("initialsKey");

-- CreateIndex
CREATE INDEX "SourceAlias_spellingKey_idx" ON "SourceAlias"("spellingKey");
