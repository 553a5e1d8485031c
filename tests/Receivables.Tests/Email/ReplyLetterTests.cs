using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Receivables.Common;
using Receivables.Email;
using Receivables.Local.Commands;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Email;

/// <summary>The letters that answer a debtor, read as their Norwegian recipient would.</summary>
public sealed partial class ReplyLetterTests
{
    public static readonly TheoryData<string> AnswerTemplates =
    [
        MessageTemplates.DisputeAcknowledgement,
        MessageTemplates.DisputeOutcome,
        MessageTemplates.PromiseConfirmation,
        MessageTemplates.PromiseBroken,
        MessageTemplates.PaymentFound,
        MessageTemplates.StillOpen,
    ];

    [GeneratedRegex(@"\b(du|deg|din|ditt|dine)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Singular();

    [GeneratedRegex(@"\b(dere|deres)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Plural();

    [Theory]
    [MemberData(nameof(AnswerTemplates))]
    public async Task A_business_is_addressed_as_dere_and_a_consumer_as_du(string template)
    {
        await using var host = await TestHost.StartHostAsync();
        var creditor = host.Get<IOptions<ReceivablesOptions>>().Value.Creditors[TestSettings.Creditor];
        var consumer = SampleLetters.Document(template, "nb", TestSettings.Creditor, creditor, new DateOnly(2026, 10, 12));
        var business = consumer with { DebtorIsBusiness = true, DebtorName = "Fjord Fisk AS" };
        var renderer = host.Get<IMessageRenderer>();

        var toConsumer = (await renderer.RenderAsync(consumer)).Text;
        var toBusiness = (await renderer.RenderAsync(business)).Text;

        Singular().IsMatch(toConsumer).ShouldBeTrue(toConsumer);
        Plural().IsMatch(toConsumer).ShouldBeFalse(toConsumer);
        Plural().IsMatch(toBusiness).ShouldBeTrue(toBusiness);
        Singular().Matches(toBusiness).Select(m => m.Value).ShouldBeEmpty(toBusiness);
    }

    [Fact]
    public async Task The_dispute_acknowledgement_names_the_held_invoice_promises_no_reminders_or_fees_asks_what_is_needed_and_asks_payment_only_of_the_rest()
    {
        await using var host = await TestHost.StartHostAsync();
        var creditor = host.Get<IOptions<ReceivablesOptions>>().Value.Creditors[TestSettings.Creditor];
        var document = SampleLetters.Document(MessageTemplates.DisputeAcknowledgement, "nb", TestSettings.Creditor, creditor, new DateOnly(2026, 10, 12));

        var text = (await host.Get<IMessageRenderer>().RenderAsync(document)).Text;

        text.ShouldContain("faktura 10231 på vent");
        text.ShouldContain("ingen purringer");
        text.ShouldContain("gebyrer");
        text.ShouldContain("dokumentasjon");
        text.ShouldContain("10258");
        text.ShouldNotContain("10231  fakturadato");
        text.ShouldNotContain("Takk for svaret ditt.");
    }
}
