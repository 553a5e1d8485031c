using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Receivables.Storage;

namespace Receivables.Payments.Storage;

/// <summary>
/// Payments in Azure Storage: uploads and rejection reports in the <c>payments</c> container; in the <c>Payments</c>
/// table one row per transaction (partition = creditor, row = <c>p|</c> + hash of the bank reference), one per applied
/// payment still to be seen in the ledger (partition <c>a|creditor</c>, row = debtor!invoice!payment), one per imported
/// file content (<c>f|creditor</c>) and one per handled upload version (<c>upload</c>).
/// </summary>
public sealed class AzurePaymentStore(StorageClients storage) : IPaymentStore
{
    private const string UploadPartition = "upload";

    private TableClient Table => storage.Table(StorageNames.Tables.Payments);

    public static string KeyOf(string bankReference) =>
        "p|" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(bankReference)))[..40];

    public async Task<PaymentUploadFile?> GetUploadAsync(string blobName, CancellationToken cancellationToken)
    {
        try
        {
            var properties = (await storage.Container(StorageNames.Containers.Payments).GetBlobClient(blobName).GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            return new PaymentUploadFile(blobName, properties.ETag.ToString(), properties.ContentLength, properties.LastModified);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<Stream> OpenUploadAsync(PaymentUploadFile file, CancellationToken cancellationToken)
    {
        var blob = storage.Container(StorageNames.Containers.Payments).GetBlobClient(file.BlobName);
        var response = await blob.DownloadStreamingAsync(new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfMatch = new ETag(file.ETag) } }, cancellationToken);
        return response.Value.Content;
    }

    public async Task WriteReportAsync(string blobName, string text, CancellationToken cancellationToken) =>
        await storage.Container(StorageNames.Containers.Payments).GetBlobClient(blobName)
            .UploadAsync(BinaryData.FromString(text), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain; charset=utf-8" } }, cancellationToken);

    public async Task<PaymentImportOutcome?> GetOutcomeAsync(string blobName, string eTag, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(UploadPartition, UploadKey(blobName, eTag), cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } entity
            ? JsonSerializer.Deserialize<PaymentImportOutcome>(entity.GetString("Outcome"), Json.Options)
            : null;
    }

    public async Task SaveOutcomeAsync(PaymentImportOutcome outcome, CancellationToken cancellationToken) =>
        await Table.UpsertEntityAsync(
            new TableEntity(UploadPartition, UploadKey(outcome.BlobName, outcome.ETag)) { ["Outcome"] = JsonSerializer.Serialize(outcome, Json.Options), ["Blob"] = outcome.BlobName },
            TableUpdateMode.Replace,
            cancellationToken);

    public async Task<string?> GetImportedFileAsync(string creditorId, string sha256, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>("f|" + creditorId, sha256, cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } entity ? entity.GetString("Blob") : null;
    }

    public async Task MarkFileImportedAsync(string creditorId, string sha256, string blobName, CancellationToken cancellationToken) =>
        await Table.UpsertEntityAsync(new TableEntity("f|" + creditorId, sha256) { ["Blob"] = blobName }, TableUpdateMode.Replace, cancellationToken);

    public async Task<IReadOnlyDictionary<string, ClaimResult>> ClaimAsync(string creditorId, string fileSha256, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, ClaimResult>(StringComparer.Ordinal);
        var distinct = keys.Distinct(StringComparer.Ordinal).ToList();
        try
        {
            if (distinct.Count > 0)
            {
                await Table.SubmitTransactionAsync(distinct.Select(k => new TableTransactionAction(TableTransactionActionType.Add, Claim(creditorId, k, fileSha256))), cancellationToken);
            }

            foreach (var key in distinct)
            {
                result[key] = ClaimResult.New;
            }
        }
        catch (TableTransactionFailedException)
        {
            // Some are known already: claim one by one to find which.
            foreach (var key in distinct)
            {
                try
                {
                    await Table.AddEntityAsync(Claim(creditorId, key, fileSha256), cancellationToken);
                    result[key] = ClaimResult.New;
                }
                catch (RequestFailedException e) when (e.Status == 409)
                {
                    var existing = (await Table.GetEntityAsync<TableEntity>(creditorId, key, cancellationToken: cancellationToken)).Value;
                    result[key] = existing.GetString("FileSha256") != fileSha256 ? ClaimResult.Duplicate
                        : existing.GetString("Status") == PaymentStates.Claimed ? ClaimResult.New
                        : ClaimResult.AlreadyDone;
                }
            }
        }

        // A key that appears twice in the same batch is the same transaction twice in the file: counted once.
        return result;
    }

    public async Task SavePaymentsAsync(IReadOnlyList<StoredPayment> payments, CancellationToken cancellationToken)
    {
        foreach (var group in payments.GroupBy(p => p.CreditorId))
        {
            foreach (var chunk in group.Chunk(100))
            {
                await Table.SubmitTransactionAsync(chunk.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(p))), cancellationToken);
            }
        }
    }

    public async Task<StoredPayment?> GetPaymentAsync(string creditorId, string key, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(creditorId, key, cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } entity && entity.GetString("Status") != PaymentStates.Claimed ? ToPayment(entity) : null;
    }

    public async Task<IReadOnlyList<StoredPayment>> FindByAmountAsync(string creditorId, decimal amount, string currency, CancellationToken cancellationToken)
    {
        var text = amount.ToString("0.00###", CultureInfo.InvariantCulture);
        var found = new List<StoredPayment>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(e => e.PartitionKey == creditorId && e.GetString("Amount") == text && e.GetString("Currency") == currency, cancellationToken: cancellationToken))
        {
            var payment = ToPayment(entity);
            if (!payment.IsReversal && payment.Status is PaymentStates.Matched or PaymentStates.Unmatched or PaymentStates.Reversed)
            {
                found.Add(payment);
            }
        }

        return found;
    }

    public async Task AddAllocationsAsync(IReadOnlyList<ActiveAllocation> allocations, CancellationToken cancellationToken)
    {
        foreach (var group in allocations.GroupBy(a => a.CreditorId))
        {
            foreach (var chunk in group.Chunk(100))
            {
                await Table.SubmitTransactionAsync(chunk.Select(a => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(a))), cancellationToken);
            }
        }
    }

    public async Task<IReadOnlyList<ActiveAllocation>> GetAllocationsAsync(string creditorId, string? debtorId, CancellationToken cancellationToken)
    {
        var partition = "a|" + creditorId;
        var filter = debtorId is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {Escape(debtorId) + "!"} and RowKey lt {Escape(debtorId) + "\""}");
        var found = new List<ActiveAllocation>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            found.Add(new ActiveAllocation(
                creditorId,
                entity.GetString("DebtorId"),
                entity.GetString("InvoiceNumber"),
                entity.GetString("PaymentKey"),
                Dec(entity.GetString("Amount")),
                entity.GetString("Currency"),
                Dec(entity.GetString("BaseOpen")),
                entity.GetString("BaseSnapshotId"),
                DateOnly.ParseExact(entity.GetString("BookedOn"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                entity.ETag.ToString()));
        }

        return found;
    }

    public async Task UpdateAllocationAsync(ActiveAllocation allocation, bool remove, CancellationToken cancellationToken)
    {
        var entity = ToEntity(allocation);
        if (remove)
        {
            try
            {
                await Table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, allocation.ETag is null ? ETag.All : new ETag(allocation.ETag), cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Already gone (a retried reconciliation).
            }
        }
        else
        {
            await Table.UpdateEntityAsync(entity, allocation.ETag is null ? ETag.All : new ETag(allocation.ETag), TableUpdateMode.Replace, cancellationToken);
        }
    }

    private static TableEntity Claim(string creditorId, string key, string fileSha256) =>
        new(creditorId, key) { ["Status"] = PaymentStates.Claimed, ["FileSha256"] = fileSha256 };

    private static TableEntity ToEntity(StoredPayment p) => new(p.CreditorId, p.Key)
    {
        ["Blob"] = p.BlobName,
        ["FileSha256"] = p.FileSha256,
        ["Record"] = p.Record,
        ["BankReference"] = p.BankReference,
        ["Amount"] = p.Amount.ToString("0.00###", CultureInfo.InvariantCulture),
        ["Currency"] = p.Currency,
        ["BookingDate"] = p.BookingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Kid"] = p.Kid,
        ["Rf"] = p.CreditorReference,
        ["Text"] = Cap(p.FreeText),
        ["Payer"] = p.Payer,
        ["PayerAccount"] = p.PayerAccount,
        ["IsReversal"] = p.IsReversal,
        ["Rule"] = p.Rule.ToString(),
        ["DebtorId"] = p.DebtorId,
        ["Allocations"] = JsonSerializer.Serialize(p.Allocations, Json.Options),
        ["Overpayment"] = p.Overpayment.ToString("0.00###", CultureInfo.InvariantCulture),
        ["Status"] = p.Status,
        ["Reason"] = Cap(p.Reason),
        ["ReversedBy"] = p.ReversedBy,
        ["ReversedInLedger"] = p.ReversedBy is null ? null : p.ReversedInLedger.ToString("0.00###", CultureInfo.InvariantCulture),
    };

    private static StoredPayment ToPayment(TableEntity e) => new(
        e.PartitionKey,
        e.RowKey,
        e.GetString("Blob"),
        e.GetString("FileSha256"),
        e.GetInt32("Record") ?? 0,
        e.GetString("BankReference"),
        Dec(e.GetString("Amount")),
        e.GetString("Currency"),
        DateOnly.ParseExact(e.GetString("BookingDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        e.GetString("Kid"),
        e.GetString("Rf"),
        e.GetString("Text"),
        e.GetString("Payer"),
        e.GetString("PayerAccount"),
        e.GetBoolean("IsReversal") ?? false,
        Enum.Parse<MatchRule>(e.GetString("Rule")),
        e.GetString("DebtorId"),
        JsonSerializer.Deserialize<List<PaymentAllocation>>(e.GetString("Allocations") ?? "[]", Json.Options) ?? [],
        Dec(e.GetString("Overpayment")),
        e.GetString("Status"),
        e.GetString("Reason") ?? "")
    {
        ReversedBy = e.GetString("ReversedBy"),
        ReversedInLedger = e.GetString("ReversedInLedger") is { } inLedger ? Dec(inLedger) : 0m,
    };

    private static TableEntity ToEntity(ActiveAllocation a) => new("a|" + a.CreditorId, $"{Escape(a.DebtorId)}!{Escape(a.InvoiceNumber)}!{a.PaymentKey[2..]}")
    {
        ["DebtorId"] = a.DebtorId,
        ["InvoiceNumber"] = a.InvoiceNumber,
        ["PaymentKey"] = a.PaymentKey,
        ["Amount"] = a.Amount.ToString("0.00###", CultureInfo.InvariantCulture),
        ["Currency"] = a.Currency,
        ["BaseOpen"] = a.BaseOpen.ToString("0.00###", CultureInfo.InvariantCulture),
        ["BaseSnapshotId"] = a.BaseSnapshotId,
        ["BookedOn"] = a.BookedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static decimal Dec(string? text) => text is null ? 0m : decimal.Parse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static string? Cap(string? text) => text is { Length: > 4000 } ? text[..4000] : text;

    /// <summary>Table keys may not hold '/', '\', '#', '?' or control characters; '!' and '"' separate and bound ranges.</summary>
    private static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' or '!' or '"' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string UploadKey(string blobName, string eTag) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(blobName + "\n" + eTag.Trim('"'))));
}
