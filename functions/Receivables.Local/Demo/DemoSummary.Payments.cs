using System.Globalization;

namespace Receivables.Local.Demo;

/// <summary>The bank files of the demo in its summary.</summary>
internal sealed partial class DemoSummary
{
    private void PrintPayments(DemoStory story)
    {
        output.WriteLine();
        output.WriteLine("Bank files:");
        foreach (var file in story.BankFiles)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"- {file.BlobName} ({file.Format}): {file.Matched} placed ({file.MatchedAmount:N2} NOK), {file.Unmatched} not placed"));
            foreach (var line in file.Lines ?? [])
            {
                output.WriteLine("    " + line);
            }
        }

        if (story.BankFiles.Count == 0)
        {
            output.WriteLine("- none");
        }
    }
}
