using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using Receivables.DebtorPage;

namespace Receivables.Local.Demo;

/// <summary>The debtor's page in the demo: Ola Hansen answers on the page instead of by email.</summary>
internal sealed partial class DemoStory
{
    /// <summary>The page's settings for the demo (the sample settings have them too; a local.settings.json may not).</summary>
    public static readonly IReadOnlyDictionary<string, string?> PageSettings = new Dictionary<string, string?>
    {
        ["Receivables:DebtorPage:SigningKey"] = "demo-only-debtor-page-signing-key-0123456789",
        ["Receivables:DebtorPage:BaseUrl"] = "http://127.0.0.1:7071/api/debtor/",
    };

    /// <summary>
    /// The debtor opens the link in the latest letter it got (the .eml in the outbox) and sends a form, exactly as the
    /// browser would: the page is read through the page handler, the form's antiforgery value taken from it, and the
    /// form posted to the same handler the Functions app and <c>serve</c> call.
    /// </summary>
    private async Task PageAnswerAsync(DateOnly day, string name, string address, string action, IReadOnlyDictionary<string, string> fields, string said, CancellationToken cancellationToken)
    {
        var outbox = Path.Combine(host.DataPath, "outbox");
        var letter = Directory.GetFiles(outbox, "*.eml")
            .Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(m => m.Date)
            .LastOrDefault() ?? throw new InvalidOperationException($"Demo: no letter to {address} in {outbox}.");
        var link = PageLink().Match(letter.TextBody ?? "");
        if (!link.Success)
        {
            throw new InvalidOperationException($"Demo: the letter '{letter.Subject}' to {address} has no page link.");
        }

        var token = link.Groups["token"].Value;
        var page = host.Get<IDebtorPage>();
        const string Client = "203.0.113.7";
        var view = await page.HandleAsync(new DebtorPageRequest("GET", token, null, Client, null, Stream.Null), cancellationToken);
        var html = Encoding.UTF8.GetString(view.Body);
        var form = Regex.Match(html, "action=\"/api/debtor/" + Regex.Escape(token) + "/" + action + "\"><input type=\"hidden\" name=\"form\" value=\"(?<value>[^\"]+)\"");
        if (view.StatusCode != 200 || !form.Success)
        {
            throw new InvalidOperationException($"Demo: the page from {name}'s letter did not open ({view.StatusCode}).");
        }

        var body = "form=" + Uri.EscapeDataString(form.Groups["value"].Value) + string.Concat(fields.Select(f => "&" + Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
        var answer = await page.HandleAsync(new DebtorPageRequest("POST", token, action, Client, "application/x-www-form-urlencoded", new MemoryStream(Encoding.UTF8.GetBytes(body))), cancellationToken);
        if (answer.StatusCode != 303)
        {
            throw new InvalidOperationException($"Demo: {name}'s answer on the page was refused ({answer.StatusCode}).");
        }

        await DemoRunner.DrainAsync(host, cancellationToken);
        Replies.Add((day, name, "on the debtor page: " + said));
        Narrative.Add($"{day:yyyy-MM-dd} {name} opened the link in the reminder and answered on the debtor page ({said}) instead of by email");
        output.WriteLine($"  {day:yyyy-MM-dd} {name} answers on the debtor page ({action})");
    }

    [GeneratedRegex(@"https?://\S+/api/debtor/(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex PageLink();
}
