using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Receivables.Common;
using Receivables.Dunning;

namespace Receivables.Creditors;

/// <summary>
/// Adds, changes and retires creditors at run time. Every change is validated as app settings are (with the field
/// named) before anything is stored; a refused change stores nothing. The next cycle picks a change up without a restart.
/// </summary>
public sealed class CreditorRegistry(ICreditorStore store, ICreditorDirectory directory, IOptions<DunningOptions> dunning, TimeProvider time, ILogger<CreditorRegistry> logger)
{
    public async Task<RegisteredCreditor> AddAsync(string id, CreditorChange change, CancellationToken cancellationToken = default)
    {
        if ((await directory.ActiveAsync(cancellationToken)).TryGetValue(id, out var existing))
        {
            throw new CreditorNotSavedException(
                [new CreditorProblem("Id", id, $"exists already (from {existing.Source}).", CreditorProblem.Exists)],
                $"Creditor '{id}' exists already (from {existing.Source}); use `creditors update {id}` to change it.");
        }

        return await SaveAsync(id, new CreditorOptions(), null, null, change, cancellationToken);
    }

    public async Task<RegisteredCreditor> UpdateAsync(string id, CreditorChange change, CancellationToken cancellationToken = default)
    {
        var existing = (await directory.ActiveAsync(cancellationToken)).GetValueOrDefault(id)
            ?? throw new ReceivablesException($"Creditor '{id}' is not active; add it with `creditors add {id} --name ... --email ...`.");
        return await SaveAsync(id, existing.Profile, existing.BusinessPolicy, existing.ConsumerPolicy, change, cancellationToken);
    }

    public async Task<RegisteredCreditor> RetireAsync(string id, CancellationToken cancellationToken = default)
    {
        var existing = (await directory.ActiveAsync(cancellationToken)).GetValueOrDefault(id)
            ?? throw new ReceivablesException($"Creditor '{id}' is not active, so it cannot be retired.");
        var retired = existing with { Source = RegisteredCreditor.FromRegistry, Retired = true, UpdatedAt = time.GetUtcNow() };
        await store.SaveAsync(retired, cancellationToken);
        logger.LogInformation("Creditor {CreditorId} retired: the cycle no longer plans it and its ledger uploads are refused", id);
        return retired;
    }

    public async Task<IReadOnlyList<RegisteredCreditor>> ListAsync(CancellationToken cancellationToken = default)
    {
        var active = await directory.ActiveAsync(cancellationToken);
        var retired = (await store.ListAsync(cancellationToken)).Where(c => c.Retired);
        return [.. active.Values.Concat(retired).OrderBy(c => c.Id, StringComparer.Ordinal)];
    }

    private async Task<RegisteredCreditor> SaveAsync(string id, CreditorOptions from, string? business, string? consumer, CreditorChange change, CancellationToken cancellationToken)
    {
        // A field not given keeps its value; an optional field given empty is cleared (a required one is then refused).
        static string? Optional(string? given, string? current) => given is null ? current : given.Trim() is { Length: > 0 } value ? value : null;
        var profile = new CreditorOptions
        {
            Name = change.Name?.Trim() ?? from.Name,
            OrgNumber = Optional(change.OrgNumber, from.OrgNumber),
            Email = change.Email?.Trim() ?? from.Email,
            Phone = Optional(change.Phone, from.Phone),
            BankAccount = Optional(change.BankAccount, from.BankAccount),
            Address = Optional(change.Address, from.Address),
            Language = change.Language?.Trim() ?? from.Language,
            Currency = change.Currency?.Trim().ToUpperInvariant() ?? from.Currency,
            Country = change.Country?.Trim().ToUpperInvariant() ?? from.Country,
        };
        business = Optional(change.BusinessPolicy, business);
        consumer = Optional(change.ConsumerPolicy, consumer);
        var problems = CreditorValidation.Problems(id, profile).ToList();
        foreach (var (field, policy) in new[] { ("BusinessPolicy", business), ("ConsumerPolicy", consumer) })
        {
            if (policy is not null && !dunning.Value.Policies.ContainsKey(policy))
            {
                problems.Add(new CreditorProblem(field, policy, $"policy '{policy}' is not configured (known: {string.Join(", ", dunning.Value.Policies.Keys.Order(StringComparer.Ordinal))})."));
            }
        }

        if (problems.Count > 0)
        {
            throw new CreditorNotSavedException(problems, "The creditor was not saved:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", problems.Select(p => p.Describe($"creditor '{id}'"))));
        }

        var saved = new RegisteredCreditor(id, profile, business, consumer, RegisteredCreditor.FromRegistry, false, time.GetUtcNow());
        await store.SaveAsync(saved, cancellationToken);
        logger.LogInformation("Creditor {CreditorId} saved in the registry", id);
        return saved;
    }
}
