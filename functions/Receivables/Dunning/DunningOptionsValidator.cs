using Microsoft.Extensions.Options;

namespace Receivables.Dunning;

/// <summary>Checks the ladders against the law's minimums, with messages naming the setting.</summary>
internal sealed class DunningOptionsValidator : IValidateOptions<DunningOptions>
{
    public ValidateOptionsResult Validate(string? name, DunningOptions options)
    {
        var failures = new List<string>();
        if (options.MaxLedgerAgeDays < 0)
        {
            failures.Add($"{DunningOptions.Section}:MaxLedgerAgeDays must be 0 or more (days); it is {options.MaxLedgerAgeDays}.");
        }

        if (options.RequeuePendingAfter < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{DunningOptions.Section}:RequeuePendingAfter must be at least 00:00:01 (and should be at least the queue's visibility timeout); it is {options.RequeuePendingAfter}.");
        }

        if (options.Scale.DebtorsPerShard < 1)
        {
            failures.Add($"{DunningOptions.Section}:Scale:DebtorsPerShard must be at least 1; it is {options.Scale.DebtorsPerShard}.");
        }

        if (options.Scale.MaxShards is < 1 or > Common.DebtorShards.MaxShards)
        {
            failures.Add($"{DunningOptions.Section}:Scale:MaxShards must be between 1 and {Common.DebtorShards.MaxShards}; it is {options.Scale.MaxShards}.");
        }

        if (options.Scale.DebtorsPerPartition < 1)
        {
            failures.Add($"{DunningOptions.Section}:Scale:DebtorsPerPartition must be at least 1; it is {options.Scale.DebtorsPerPartition}.");
        }

        if (options.Scale.Parallelism is < 1 or > 64)
        {
            failures.Add($"{DunningOptions.Section}:Scale:Parallelism must be between 1 and 64; it is {options.Scale.Parallelism}.");
        }

        if (options.InterestDayBasis is not (360 or 365))
        {
            failures.Add($"{DunningOptions.Section}:InterestDayBasis must be 365 or 360; it is {options.InterestDayBasis}.");
        }

        foreach (var (policyName, policy) in options.Policies)
        {
            var prefix = $"{DunningOptions.Section}:Policies:{policyName}";
            if (policy.Levels.Count == 0)
            {
                failures.Add($"{prefix}:Levels is empty: a ladder needs at least one level.");
            }

            for (var i = 0; i < policy.Levels.Count; i++)
            {
                var level = policy.Levels[i];
                var at = $"{prefix}:Levels:{i}";
                if (level.DaysAfterDue is null && level.DaysAfterPrevious is null)
                {
                    failures.Add($"{at}: set DaysAfterDue or DaysAfterPrevious (when the step may happen).");
                }

                if (i == 0 && level.DaysAfterDue is null)
                {
                    failures.Add($"{at}:DaysAfterDue is required for the first level.");
                }

                if (level.Template is not null && level.DeadlineDays < 1)
                {
                    failures.Add($"{at}:DeadlineDays must be at least 1.");
                }

                if (level.Stage == CaseStages.CollectionNotice && level.DeadlineDays < 14)
                {
                    failures.Add($"{at}:DeadlineDays is {level.DeadlineDays}: an inkassovarsel must give at least 14 days (inkassoloven § 9).");
                }

                if (level.Fee == FeeKind.PaymentDemand && level.DeadlineDays < 14)
                {
                    failures.Add($"{at}:DeadlineDays is {level.DeadlineDays}: a § 10 payment demand must give at least 14 days (inkassoloven § 10).");
                }

                if (level.Stage is not (CaseStages.Friendly or CaseStages.Reminder or CaseStages.CollectionNotice or CaseStages.Manual))
                {
                    failures.Add($"{at}:Stage '{level.Stage}' is not one of {CaseStages.Friendly}, {CaseStages.Reminder}, {CaseStages.CollectionNotice}, {CaseStages.Manual}.");
                }
            }
        }

        foreach (var (creditor, policies) in options.Creditors)
        {
            foreach (var (kind, policyName) in new[] { ("Business", policies.Business), ("Consumer", policies.Consumer) })
            {
                if (!options.Policies.ContainsKey(policyName))
                {
                    failures.Add($"{DunningOptions.Section}:Creditors:{creditor}:{kind} names policy '{policyName}', which is not configured under {DunningOptions.Section}:Policies.");
                }
            }
        }

        foreach (var (creditor, debtors) in options.DebtorOverrides)
        {
            foreach (var (debtor, policyName) in debtors)
            {
                if (policyName != DunningDefaults.NeverAutomatic && !options.Policies.ContainsKey(policyName))
                {
                    failures.Add($"{DunningOptions.Section}:DebtorOverrides:{creditor}:{debtor} is '{policyName}': use '{DunningDefaults.NeverAutomatic}' or a policy name.");
                }
            }
        }

        if (options.Rates.Count == 0 || options.Inkassosats.Count == 0)
        {
            failures.Add($"{DunningOptions.Section}:Rates and :Inkassosats need at least one dated row.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
