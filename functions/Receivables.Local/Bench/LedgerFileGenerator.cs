using System.Globalization;
using System.Text;
using Receivables.Ledger;

namespace Receivables.Local.Bench;

/// <summary>
/// Writes a realistic canonical ledger CSV: Norwegian people and companies, debtors with one to six invoices, about a
/// third businesses (with valid MOD11 organisation numbers), a share overdue, partly paid or credited, valid MOD10 KIDs.
/// Deterministic for a seed.
/// </summary>
public sealed class LedgerFileGenerator(int seed = 2026)
{
    private static readonly string[] FirstNames = ["Kari", "Ola", "Bjørn", "Åse", "Ingrid", "Øystein", "Sigrid", "Håkon", "Ragnhild", "Tor", "Solveig", "Eirik", "Marit", "Jørgen", "Liv", "Ærlend"];
    private static readonly string[] LastNames = ["Nordmann", "Hansen", "Johansen", "Ødegård", "Bakken", "Sæther", "Løvås", "Haugen", "Strøm", "Aasheim", "Berg", "Dahl", "Fjærli", "Kvåle"];
    private static readonly string[] Places = ["Fjellheim", "Sørlandets", "Tromsø", "Håløygen", "Nordlys", "Bjørkely", "Vestfjord", "Ålesund", "Røros", "Lillehammer"];
    private static readonly string[] Trades = ["Bygg", "Rør og Varme", "Fiskeutstyr", "Sjømat", "Elektro", "Regnskap", "Transport", "Maskin", "Bakeri", "Tannlegesenter"];

    /// <summary>Writes <paramref name="lines"/> invoice lines (plus the header) for invoices dated before <paramref name="today"/>.</summary>
    public void Write(string path, int lines, DateOnly today)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("customer_id,customer_name,customer_email,customer_type,org_number,invoice_number,invoice_date,due_date,currency,amount,open_amount,kid\n");
        var written = 0;
        var customer = 100000;
        var invoice = 1000000;
        var line = new StringBuilder(200);
        while (written < lines)
        {
            customer++;
            var business = random.NextDouble() < 0.35;
            string name, email, org;
            if (business)
            {
                name = $"{Places[random.Next(Places.Length)]} {Trades[random.Next(Trades.Length)]} AS";
                org = OrgNumber(random);
                email = $"post{customer}@firma.example";
            }
            else
            {
                name = $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}";
                org = "";
                email = random.NextDouble() < 0.9 ? $"kunde{customer}@example.no" : "";
            }

            var count = Math.Min(1 + random.Next(6), lines - written);
            for (var i = 0; i < count; i++)
            {
                invoice++;
                var invoiceDate = today.AddDays(-random.Next(1, 120));
                var due = invoiceDate.AddDays(business ? 30 : 14);
                var credit = random.NextDouble() < 0.03;
                var amount = Math.Round((decimal)(random.NextDouble() * (business ? 250000 : 15000)) + 100m, 2);
                var open = random.NextDouble() switch
                {
                    < 0.70 => amount,
                    < 0.85 => Math.Round(amount * (decimal)random.NextDouble(), 2),
                    _ => 0m,
                };
                if (credit)
                {
                    amount = -Math.Round(amount / 10m, 2);
                    open = amount;
                }

                var kid = credit ? "" : Kid.WithMod10(string.Create(CultureInfo.InvariantCulture, $"{customer}{invoice}"));
                line.Clear();
                line.Append(CultureInfo.InvariantCulture, $"{customer},{name},{email},{(business ? "business" : "consumer")},{org},{invoice},{invoiceDate:yyyy-MM-dd},{due:yyyy-MM-dd},NOK,{amount:0.00},{open:0.00},{kid}\n");
                writer.Write(line);
            }

            written += count;
        }
    }

    private static string OrgNumber(Random random)
    {
        while (true)
        {
            var body = string.Create(CultureInfo.InvariantCulture, $"{random.Next(80000000, 99999999)}");
            var check = Kid.Mod11(body);
            if (check != '-')
            {
                return body + check;
            }
        }
    }
}
