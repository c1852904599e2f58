-- CreateTable
CREATE TABLE "ArticleTerm" (
    "articleId" INTEGER NOT NULL,
    "term" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "publishedOn" DATE NOT NULL,

    CONSTRAINT "ArticleTerm_pkey" PRIMARY KEY ("articleId","term")
);

-- CreateTable
CREATE TABLE "StoryTerm" (
    "term" TEXT NOT NULL,
    "articles" INTEGER NOT NULL,

    CONSTRAINT "StoryTerm_pkey" PRIMARY KEY ("term")
);

-- CreateIndex
CREATE INDEX "ArticleTerm_term_publishedOn_idx" ON "ArticleTerm"("term", "publishedOn");

-- AddForeignKey
ALTER TABLE "ArticleTerm" ADD CONSTRAINT "ArticleTerm_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
