-- DropIndex
DROP INDEX "Claim_articleId_quoteStart_metric_key";

-- CreateIndex
CREATE INDEX "Claim_articleId_quoteStart_idx" ON "Claim"("articleId", "quoteStart");
