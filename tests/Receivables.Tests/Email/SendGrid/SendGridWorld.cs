using Microsoft.Extensions.Configuration;
using Receivables.Email;
using Receivables.Email.SendGrid;
using Receivables.Local.Hosting;
using Receivables.Tests.Infrastructure;
using WireMock.Server;

namespace Receivables.Tests.Email.SendGrid;

/// <summary>A started host with SendGrid registered, pointed at a WireMock server speaking the v3 API.</summary>
internal static class SendGridWorld
{
    public const string ApiKey = "SG.test-key";

    public static Task<LocalHost> StartAsync(WireMockServer? server = null, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Receivables:Email:SendGrid:ApiKey"] = ApiKey,
            ["Receivables:Email:SendGrid:BaseUrl"] = server?.Url ?? "http://127.0.0.1:9",
            ["Receivables:Email:SendGrid:InitialBackoff"] = "00:00:00.010",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return TestHost.StartHostAsync(settings, services: s => s.AddSendGridEmail());
    }

    public static OutboundEmail Reminder(string idempotencyKey = "acme:10001:INV-1001:friendly") => new(
        idempotencyKey,
        "ola@kunde.example",
        "Ola Nordmann",
        "regnskap@acme.example",
        "Acme Verktøy AS",
        "svar+c1@reply.acme.example",
        "Påminnelse: faktura 1001",
        "Hei Ola, faktura 1001 på kr 1 250,00 er ikke betalt.",
        "<p>Hei Ola, faktura 1001 på kr 1&nbsp;250,00 er ikke betalt.</p>",
        new Dictionary<string, string> { [EmailCustomArgs.Creditor] = "acme", [EmailCustomArgs.Debtor] = "10001", [EmailCustomArgs.Case] = "c1" },
        [new EmailAttachment("faktura-1001.pdf", "application/pdf", "%PDF-1.4 faktura"u8.ToArray())]);
}
