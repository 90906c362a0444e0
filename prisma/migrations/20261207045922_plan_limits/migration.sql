-- The daily message allowance moved to the plans (the billing migration copied it into the Free
-- plan): Admin → Settings edits the Free plan's, Admin → Billing every plan's.
ALTER TABLE "InstanceSettings" DROP COLUMN "chatDailyMessages";
