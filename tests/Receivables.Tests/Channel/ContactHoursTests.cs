using System.Globalization;
using Microsoft.Extensions.Options;
using Receivables.Channel;
using Receivables.Common;
using Receivables.Email;
using Receivables.Evidence;
using Receivables.Messaging;
using Receivables.Tests.Infrastructure;

namespace Receivables.Tests.Channel;

/// <summary>
/// Contact hours (Prop. 3 L (2025–2026)): weekdays 08–21, Saturdays 09–15, no Sundays or public holidays, in
/// Receivables:TimeZone; a message decided outside them goes out when the next window opens, once.
/// </summary>
public sealed class ContactHoursTests
{
    private const string Consumer = "C-200,Per Olsen,per@example.no,consumer,,2002,2026-01-01,2026-01-15,NOK,900.00,900.00,20021";
    private const string Business = "B-100,Fjellbygg AS,post@fjellbygg.example,business,987654321,2001,2026-01-01,2026-01-15,NOK,20000.00,20000.00,20013";

    private static readonly Dictionary<string, string?> On = new() { ["Receivables:Channel:ContactHours"] = "true" };

    private static ContactHours Hours(ChannelOptions? options = null) =>
        new(Options.Create(options ?? new ChannelOptions()), Options.Create(new ReceivablesOptions()));

    private static DateTimeOffset Utc(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-01-20T06:00:00Z", "2026-01-20T07:00:00Z")] // Tuesday 07:00 in Oslo (winter): opens at 08:00
    [InlineData("2026-01-20T12:00:00Z", "2026-01-20T12:00:00Z")] // Tuesday 13:00: open
    [InlineData("2026-01-20T19:59:00Z", "2026-01-20T19:59:00Z")] // Tuesday 20:59: open
    [InlineData("2026-01-20T20:00:00Z", "2026-01-21T07:00:00Z")] // Tuesday 21:00: closed, next morning 08:00
    [InlineData("2026-01-23T20:30:00Z", "2026-01-24T08:00:00Z")] // Friday 21:30: Saturday 09:00
    [InlineData("2026-01-24T14:00:00Z", "2026-01-26T07:00:00Z")] // Saturday 15:00: no Sunday, Monday 08:00
    [InlineData("2026-01-25T11:00:00Z", "2026-01-26T07:00:00Z")] // Sunday noon: Monday 08:00
    [InlineData("2026-04-01T19:30:00Z", "2026-04-04T07:00:00Z")] // Wednesday before Easter 21:30 (summer time): Maundy Thursday and Good Friday closed, Saturday 09:00
    [InlineData("2026-04-04T13:30:00Z", "2026-04-07T06:00:00Z")] // Easter Saturday 15:30: Easter Sunday and Monday closed, Tuesday 08:00
    [InlineData("2026-04-30T20:00:00Z", "2026-05-02T07:00:00Z")] // Thursday 22:00 before 1 May (a Friday holiday): Saturday 09:00
    [InlineData("2026-12-24T20:00:00Z", "2026-12-28T07:00:00Z")] // Christmas Eve 21:00: 25 and 26 December, then Sunday; Monday 08:00
    [InlineData("2026-03-28T07:30:00Z", "2026-03-28T08:00:00Z")] // Saturday 08:30 (winter time): 09:00
    [InlineData("2026-03-29T10:00:00Z", "2026-03-30T06:00:00Z")] // Sunday the clocks go forward: Monday 08:00 summer time
    public void A_message_decided_outside_the_window_goes_out_when_the_next_window_opens(string decided, string expected)
    {
        Hours().OpensAt(Utc(decided)).ShouldBe(Utc(expected));
    }

    [Fact]
    public void With_the_policy_switch_off_a_message_goes_out_when_decided()
    {
        var hours = Hours(new ChannelOptions { ContactHours = false });

        hours.OpensAt(Utc("2026-01-25T02:00:00Z")).ShouldBe(Utc("2026-01-25T02:00:00Z"));
        hours.IsOpen(Utc("2026-12-25T02:00:00Z")).ShouldBeTrue();
    }

    [Fact]
    public void The_windows_are_settings_a_Sunday_window_opens_Sundays_but_never_a_public_holiday()
    {
        var hours = Hours(new ChannelOptions { WeekdayHours = "09:30-16:00", SundayHours = "12:00-14:00" });

        hours.OpensAt(Utc("2026-01-20T07:45:00Z")).ShouldBe(Utc("2026-01-20T08:30:00Z"));
        hours.IsOpen(Utc("2026-01-25T11:30:00Z")).ShouldBeTrue();
        hours.OpensAt(Utc("2026-04-05T09:00:00Z")).ShouldBe(Utc("2026-04-07T07:30:00Z")); // Easter Sunday and Monday: Tuesday 09:30
    }

    [Theory]
    [InlineData("WeekdayHours", "8-25")]
    [InlineData("SaturdayHours", "15:00-09:00")]
    [InlineData("SundayHours", "noon")]
    public void A_window_that_cannot_be_read_is_refused_at_start_naming_the_setting(string setting, string value)
    {
        var options = new ChannelOptions();
        typeof(ChannelOptions).GetProperty(setting)!.SetValue(options, value);

        var result = new ChannelOptionsValidator().Validate(null, options);

        result.Failed.ShouldBeTrue();
        result.FailureMessage!.ShouldContain("Receivables:Channel:" + setting);
        result.FailureMessage.ShouldContain(value);
    }

    [Fact]
    public void No_window_at_all_is_refused_while_the_rule_is_on()
    {
        var validator = new ChannelOptionsValidator();

        validator.Validate(null, new ChannelOptions { WeekdayHours = "", SaturdayHours = "" }).FailureMessage!.ShouldContain("Receivables:Channel:ContactHours");
        validator.Validate(null, new ChannelOptions { WeekdayHours = "", SaturdayHours = "", ContactHours = false }).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void The_rule_is_on_by_default()
    {
        new ChannelOptions().ContactHours.ShouldBeTrue();
        Hours().IsOpen(Utc("2026-01-25T11:00:00Z")).ShouldBeFalse();
    }

    [Fact]
    public async Task Reminders_decided_at_seven_in_the_morning_are_held_and_go_out_once_at_eight()
    {
        await using var world = await LeversWorld.StartAsync("2026-01-20", On);
        await world.UploadAsync(Business, Consumer);

        await world.RunUntilAsync("2026-01-20"); // the cycle runs at 06:00 UTC, 07:00 in Oslo

        world.Sender.Sends.ShouldBeEmpty();
        (await world.Get<IHeldMessageStore>().CountAsync(CancellationToken.None)).ShouldBe(2);
        var evidence = await EntriesAsync(world, "C-200");
        evidence.ShouldContain(e => e.Kind == EvidenceKinds.Decision && e.Title.StartsWith("Held for the contact hours", StringComparison.Ordinal));

        world.Clock.SetUtcNow(Utc("2026-01-20T06:59:00Z"));
        await world.DrainAsync();
        world.Sender.Sends.ShouldBeEmpty();

        world.Clock.SetUtcNow(Utc("2026-01-20T07:00:00Z"));
        await world.DrainAsync();
        await world.DrainAsync();

        world.Sender.Sends.Select(s => s.ToAddress).Order(StringComparer.Ordinal).ShouldBe(["per@example.no", "post@fjellbygg.example"]);
        (await world.Get<IHeldMessageStore>().CountAsync(CancellationToken.None)).ShouldBe(0);
        (await EntriesAsync(world, "C-200")).Count(e => e.Kind == EvidenceKinds.OutboundEmail).ShouldBe(1);
    }

    [Fact]
    public async Task The_answer_to_a_reply_on_a_Saturday_evening_waits_until_Monday_at_eight_and_stays_threaded()
    {
        await using var world = await LeversWorld.StartAsync("2026-01-20", On);
        await world.UploadAsync(Consumer);
        await world.RunUntilAsync("2026-01-20");
        world.Clock.SetUtcNow(Utc("2026-01-20T07:00:00Z"));
        await world.DrainAsync();
        world.Sender.Sends.ShouldHaveSingleItem();

        world.Clock.SetUtcNow(Utc("2026-01-24T17:00:00Z")); // Saturday 18:00
        var id = await world.ReplyAsync("C-200", "per@example.no", "Hei. Jeg betaler innen 30.01.2026.\n\nPer");

        Confirmations(world).ShouldBeEmpty();
        world.Clock.SetUtcNow(Utc("2026-01-25T12:00:00Z")); // Sunday
        await world.DrainAsync();
        world.Clock.SetUtcNow(Utc("2026-01-26T06:59:00Z")); // Monday 07:59
        await world.DrainAsync();
        Confirmations(world).ShouldBeEmpty();

        world.Clock.SetUtcNow(Utc("2026-01-26T07:00:00Z")); // Monday 08:00
        await world.DrainAsync();
        await world.DrainAsync();

        var confirmation = Confirmations(world).ShouldHaveSingleItem();
        confirmation.TextBody.ShouldContain("30.01.2026");
        confirmation.Thread.ShouldNotBeNull().MessageId.ShouldBe(id);
        confirmation.Subject.ShouldBe("SV: Påminnelse");
    }

    [Fact]
    public async Task With_the_switch_off_the_morning_reminders_go_out_at_seven()
    {
        await using var world = await LeversWorld.StartAsync("2026-01-20", new Dictionary<string, string?> { ["Receivables:Channel:ContactHours"] = "false" });
        await world.UploadAsync(Consumer);

        await world.RunUntilAsync("2026-01-20");

        world.Sender.Sends.ShouldHaveSingleItem();
    }

    private static List<OutboundEmail> Confirmations(LeversWorld world) =>
        world.Sender.Sends.Where(s => s.CustomArgs.GetValueOrDefault("template") == MessageTemplates.PromiseConfirmation).ToList();

    private static async Task<List<EvidenceEntry>> EntriesAsync(LeversWorld world, string debtorId)
    {
        var reader = world.Get<IEvidenceReader>();
        var entries = new List<EvidenceEntry>();
        foreach (var c in await reader.ListCasesAsync(TestSettings.Creditor, debtorId))
        {
            entries.AddRange((await reader.ReadCaseAsync(c)).Select(e => e.Entry));
        }

        return entries;
    }
}
