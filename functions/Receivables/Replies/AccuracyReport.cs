using System.Globalization;

namespace Receivables.Replies;

/// <summary>Prints an <see cref="Accuracy"/>: per-class precision and recall, confusion matrix, dates, injections, misses.</summary>
public static class AccuracyReport
{
    public static void Print(string source, Accuracy result, bool listMisses, TextWriter output)
    {
        static string F(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
        output.WriteLine($"labelled set: {source}");
        output.WriteLine($"accuracy: {result.Correct}/{result.Total} = {result.Ratio.ToString("P1", CultureInfo.InvariantCulture)} (abstaining counts as Other)");
        output.WriteLine($"  {"class",-16}{"gold",5}{"pred",6}{"hits",6}{"precision",11}{"recall",8}");
        foreach (var (cls, (gold, predicted, hits)) in result.PerClass.Where(p => p.Value.Gold + p.Value.Predicted > 0))
        {
            output.WriteLine($"  {cls,-16}{gold,5}{predicted,6}{hits,6}{(predicted == 0 ? "-" : F((double)hits / predicted)),11}{(gold == 0 ? "-" : F((double)result.Results.Count(r => r.Reply.Label == cls && r.Correct) / gold)),8}");
        }

        var classes = Enum.GetValues<ReplyClass>().Where(c => result.Results.Any(r => r.Reply.Label == c || r.Triage.Class == c)).ToList();
        output.WriteLine("confusion (rows gold, columns predicted):");
        output.WriteLine("  " + new string(' ', 14) + string.Concat(classes.Select(c => Short(c).PadLeft(6))));
        foreach (var gold in classes)
        {
            output.WriteLine("  " + gold.ToString().PadRight(14) + string.Concat(classes.Select(p => result.Results.Count(r => r.Reply.Label == gold && r.Triage.Class == p).ToString(CultureInfo.InvariantCulture).PadLeft(6))));
        }

        var (stated, exact) = result.Dates(ReplyClass.PromiseToPay);
        var (paidStated, paidExact) = result.Dates(ReplyClass.AlreadyPaid);
        output.WriteLine($"promise dates exact: {exact}/{stated}{(stated == 0 ? "" : " = " + ((double)exact / stated).ToString("P1", CultureInfo.InvariantCulture))}; already-paid dates exact: {paidExact}/{paidStated}");
        output.WriteLine($"dispute or liquidity read as promise or already paid: {result.UnsafeMisses}");
        var (injections, flagged, falseFlags) = result.Injections;
        output.WriteLine($"injections flagged: {flagged}/{injections}; flagged without injection: {falseFlags}");
        output.WriteLine($"abstained (review task with candidates): {result.Results.Count(r => r.Triage.Abstained)}");
        if (!listMisses)
        {
            return;
        }

        foreach (var miss in result.Misses)
        {
            var candidates = string.Join(", ", miss.Triage.Scores.Take(3).Select(s => $"{s.Class} {F(s.Score)}"));
            output.WriteLine($"  miss {miss.Reply.Id}: gold {miss.Reply.Label}, got {miss.Triage.Class}{(miss.Triage.Abstained ? " (abstained)" : "")} [{candidates}] {miss.Reply.Subject} | {OneLine(miss.Reply.Text)}");
        }

        foreach (var wrongDate in result.Results.Where(r => r.Correct && r.Reply.ExpectedDate is { } d && r.Triage.Values.Date != d))
        {
            output.WriteLine($"  date {wrongDate.Reply.Id}: expected {wrongDate.Reply.ExpectedDate:yyyy-MM-dd}, got {(wrongDate.Triage.Values.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none")} ({wrongDate.Triage.Values.DateText}) | {OneLine(wrongDate.Reply.Text)}");
        }
    }

    private static string Short(ReplyClass c) => c switch
    {
        ReplyClass.PromiseToPay => "Prom",
        ReplyClass.Dispute => "Disp",
        ReplyClass.Liquidity => "Liq",
        ReplyClass.AlreadyPaid => "Paid",
        ReplyClass.NotReceived => "NotR",
        ReplyClass.CopyRequest => "Copy",
        ReplyClass.AutoReply => "Auto",
        ReplyClass.ContactChange => "Cont",
        ReplyClass.Other => "Oth",
        ReplyClass.Question => "Ques",
        ReplyClass.DeliveryFailure => "DSN",
        _ => c.ToString()[..4],
    };

    private static string OneLine(string text)
    {
        var t = ReplyText.StripQuoted(text).Replace('\n', ' ').Replace('\r', ' ');
        return t.Length <= 110 ? t : t[..110] + "…";
    }
}
