using System.Globalization;
using System.Text;

namespace Receivables.Payments.Parsing;

/// <summary>
/// Nets OCR giro ("OCR-fil", format code NY, service code 09): fixed-width records of 80 characters, read one at a
/// time. Start of transmission (NY000010) and its end (NY000089); per assignment a start (NY090020) and end
/// (NY090088); per transaction amount item 1 (record type 30: transaction type, number, Nets date, sign, amount in
/// øre, KID), amount item 2 (31: form number, archive reference, the payer's bank date and debited account) and, for
/// transaction types 20 and 21, amount item 3 (32: free text). Types 18 and 20 are reversals. The end records' counts
/// and totals are checked against what was read, and transmission, assignment and transaction numbers must be numeric,
/// assignment numbers unique and transaction numbers rising within an assignment. Any fault refuses the file.
/// </summary>
public static class OcrGiroParser
{
    public const string Description = "Nets OCR giro";

    public static readonly Encoding Latin1 = Encoding.Latin1;

    /// <summary>Whether the first bytes look like an OCR giro transmission (<c>NY0000</c>).</summary>
    public static bool Looks(ReadOnlySpan<byte> prefix) =>
        prefix.Length >= 6 && prefix[..6].SequenceEqual("NY0000"u8);

    public static IEnumerable<BankTransaction> Read(Stream stream, string file, PaymentFileSummary summary, decimal maxAmount = (decimal)PaymentsOptions.DefaultMaxAmount)
    {
        summary.Format = Description;
        using var reader = new StreamReader(stream, Latin1, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);
        var state = new State(file, maxAmount);
        string? line;
        var number = 0;
        var trailingBlank = 0;
        while ((line = reader.ReadLine()) is not null)
        {
            number++;
            if (line.Length == 0)
            {
                trailingBlank++;
                continue;
            }

            if (trailingBlank > 0)
            {
                throw new PaymentFileException(file, number - 1, null, "", "a record of 80 characters; blank lines are only allowed at the end of the file");
            }

            summary.Records++;
            if (state.Record(number, line) is { } transaction)
            {
                summary.Add(transaction);
                yield return transaction;
            }
        }

        if (state.Pending(number, endOfFile: true) is { } last)
        {
            summary.Add(last);
            yield return last;
        }

        state.Finish(number);
    }

    private sealed class State(string file, decimal maxAmount)
    {
        private readonly HashSet<string> assignmentNumbers = new(StringComparer.Ordinal);
        private bool started;
        private bool ended;
        private string? transmissionNumber;
        private int records;
        private int transactions;
        private long total;

        private bool inAssignment;
        private string agreementId = "";
        private string assignmentNumber = "";
        private int assignmentRecords;
        private int assignmentTransactions;
        private long assignmentTotal;
        private int lastTransactionNumber;

        private Item1? item1;
        private Item2? item2;
        private string? freeText;
        private string? item3Raw;

        public BankTransaction? Record(int number, string line)
        {
            if (line.Length != 80)
            {
                throw Fail(number, "record length", Shorten(line), $"exactly 80 characters; this record has {line.Length}");
            }

            for (var i = 0; i < line.Length; i++)
            {
                if (char.IsControl(line[i]))
                {
                    throw Fail(number, $"position {i + 1}", $"U+{(int)line[i]:X4}", "printable characters (ISO-8859-1); a control character is not part of an OCR giro record");
                }
            }

            if (ended)
            {
                throw Fail(number, "record type", line[..8], "nothing after the end-of-transmission record (NY000089)");
            }

            if (!line.StartsWith("NY", StringComparison.Ordinal))
            {
                throw Fail(number, "format code (positions 1-2)", line[..2], "NY");
            }

            records++;
            if (inAssignment)
            {
                assignmentRecords++;
            }

            var service = line[2..4];
            var type = line[4..6];
            var recordType = line[6..8];
            BankTransaction? completed = null;
            if (recordType is "30" or "88" or "89" or "20")
            {
                // A new transaction or the end of an assignment completes the one in progress.
                completed = Pending(number);
            }

            switch (service, type, recordType)
            {
                case ("00", "00", "10"):
                    if (started)
                    {
                        throw Fail(number, "record type", line[..8], "one start-of-transmission record (NY000010), at the start of the file");
                    }

                    started = true;
                    Digits(number, line, 9, 8, "data transmitter");
                    transmissionNumber = Digits(number, line, 17, 7, "transmission number");
                    Digits(number, line, 24, 8, "data recipient");
                    break;
                case ("09", "00", "20"):
                    RequireStarted(number, line);
                    if (inAssignment)
                    {
                        throw Fail(number, "record type", line[..8], $"the end of assignment {assignmentNumber} (NY090088) before the next assignment starts");
                    }

                    inAssignment = true;
                    agreementId = Digits(number, line, 9, 9, "agreement id");
                    assignmentNumber = Digits(number, line, 18, 7, "assignment number");
                    Digits(number, line, 25, 11, "assignment account");
                    if (!assignmentNumbers.Add(assignmentNumber))
                    {
                        throw Fail(number, "assignment number", assignmentNumber, "a number not used by another assignment of this transmission");
                    }

                    assignmentRecords = 1;
                    assignmentTransactions = 0;
                    assignmentTotal = 0;
                    lastTransactionNumber = 0;
                    break;
                case ("09", _, "30"):
                    RequireAssignment(number, line);
                    item1 = ReadItem1(number, line, type);
                    break;
                case ("09", _, "31"):
                    RequireAssignment(number, line);
                    if (item1 is null || item2 is not null)
                    {
                        throw Fail(number, "record type", line[..8], "amount item 2 (31) directly after its amount item 1 (30)");
                    }

                    item2 = ReadItem2(number, line, type, item1);
                    break;
                case ("09", _, "32"):
                    RequireAssignment(number, line);
                    if (item1 is null || item2 is null || freeText is not null || item1.Type is not ("20" or "21"))
                    {
                        throw Fail(number, "record type", line[..8], "amount item 3 (32) only after items 1 and 2 of a transaction of type 20 or 21");
                    }

                    SameTransaction(number, line, type, item1);
                    freeText = line.Substring(15, 40).Trim();
                    item3Raw = line;
                    break;
                case ("09", "00", "88"):
                    RequireAssignment(number, line);
                    CheckCount(number, line, 9, "number of transactions", assignmentTransactions);
                    CheckCount(number, line, 17, "number of records", assignmentRecords);
                    CheckAmount(number, line, 25, "total amount", assignmentTotal);
                    Date(number, line, 42, "settlement date");
                    inAssignment = false;
                    break;
                case ("00", "00", "89"):
                    RequireStarted(number, line);
                    if (inAssignment)
                    {
                        throw Fail(number, "record type", line[..8], $"the end of assignment {assignmentNumber} (NY090088) before the end of the transmission");
                    }

                    CheckCount(number, line, 9, "number of transactions", transactions);
                    CheckCount(number, line, 17, "number of records", records);
                    CheckAmount(number, line, 25, "total amount", total);
                    Date(number, line, 42, "settlement date");
                    ended = true;
                    break;
                case ("21", _, _):
                    throw Fail(number, "service code (positions 3-4)", service, "09 (OCR giro); 21 is AvtaleGiro, which is not an incoming payments file");
                default:
                    throw Fail(number, "record type (positions 3-8)", line[2..8], "a known OCR giro record: 000010, 090020, 09tt30, 09tt31, 09tt32, 090088 or 000089");
            }

            return completed;
        }

        /// <summary>Completes the transaction in progress (if any) when the next record shows it is whole.</summary>
        public BankTransaction? Pending(int number, bool endOfFile = false)
        {
            if (item1 is null)
            {
                return null;
            }

            if (item2 is null)
            {
                throw Fail(number, "record type", null, endOfFile
                    ? $"amount item 2 (31) of transaction {item1.Number} (record {item1.Line}), then the ends of assignment and transmission (NY090088, NY000089); the file ends here and may be cut off"
                    : $"amount item 2 (31) of transaction {item1.Number} (record {item1.Line})");
            }

            var i1 = item1;
            var i2 = item2;
            var text = freeText;
            var raw = i1.Raw + "\n" + i2.Raw + (item3Raw is null ? "" : "\n" + item3Raw);
            item1 = null;
            item2 = null;
            freeText = null;
            item3Raw = null;
            transactions++;
            assignmentTransactions++;
            total += i1.Ore;
            assignmentTotal += i1.Ore;
            var reference = string.Create(CultureInfo.InvariantCulture, $"ocr:{agreementId}:{i2.BankDate:yyyyMMdd}:{i2.ArchiveReference}:{i2.FormNumber}:{i1.Ore}:{i1.Kid}");
            return new BankTransaction(
                Description,
                i1.Line,
                reference,
                IsCredit: true,
                IsBooked: true,
                IsReversal: i1.Type is "18" or "20",
                i1.Ore / 100m,
                "NOK",
                i1.NetsDate,
                i2.BankDate,
                i1.Kid,
                null,
                text,
                null,
                i2.DebitAccount,
                null,
                i2.ArchiveReference,
                raw);
        }

        public void Finish(int lastLine)
        {
            if (!started)
            {
                throw Fail(0, "record type", null, "a start-of-transmission record (NY000010) as the first record");
            }

            if (!ended)
            {
                throw Fail(lastLine, "record type", null, $"an end-of-transmission record (NY000089) as the last record of transmission {transmissionNumber}; the file may be cut off");
            }
        }

        private Item1 ReadItem1(int number, string line, string type)
        {
            if (item1 is not null)
            {
                throw Fail(number, "record type", line[..8], $"amount item 2 (31) of transaction {item1.Number} before the next transaction");
            }

            TransactionType(number, line, type);
            var txNumber = int.Parse(Digits(number, line, 9, 7, "transaction number"), CultureInfo.InvariantCulture);
            if (txNumber <= lastTransactionNumber)
            {
                throw Fail(number, "transaction number", line.Substring(8, 7), $"a number above the previous transaction's ({lastTransactionNumber}) in assignment {assignmentNumber}");
            }

            lastTransactionNumber = txNumber;
            var netsDate = Date(number, line, 16, "Nets date");
            var sign = line[31];
            if (sign is not ('0' or '-'))
            {
                throw Fail(number, "sign (position 32)", sign.ToString(), "'0' or '-'");
            }

            if (sign == '-' && type is not ("18" or "20"))
            {
                throw Fail(number, "sign (position 32)", "-", $"no minus sign on an incoming payment (transaction type {type}); only reversals (types 18 and 20) are negative");
            }

            var ore = long.Parse(Digits(number, line, 33, 17, "amount"), CultureInfo.InvariantCulture);
            if (ore == 0)
            {
                throw Fail(number, "amount", line.Substring(32, 17), "an amount above zero (in øre)");
            }

            if (ore / 100m > maxAmount)
            {
                throw Fail(number, "amount (positions 33-49)", line.Substring(32, 17), string.Create(CultureInfo.InvariantCulture, $"an amount of at most {maxAmount:0.##} NOK ({PaymentsOptions.Section}:MaxAmount); {ore / 100m:0.00} is not a plausible payment"));
            }

            var kidField = line.Substring(49, 25);
            var kid = kidField.Trim();
            if (kidField.TrimStart(' ').Any(c => !char.IsAsciiDigit(c)))
            {
                throw Fail(number, "KID (positions 50-74)", kidField, "digits, right-aligned with leading blanks");
            }

            return new Item1(number, type, txNumber, netsDate, ore, kid.Length == 0 ? null : kid, line);
        }

        private Item2 ReadItem2(int number, string line, string type, Item1 first)
        {
            SameTransaction(number, line, type, first);
            var form = Digits(number, line, 16, 10, "form number");
            var archive = line.Substring(25, 9);
            if (archive.Any(c => !char.IsAsciiDigit(c) && c != ' '))
            {
                throw Fail(number, "archive reference (positions 26-34)", archive, "digits");
            }

            var bankDate = line.Substring(41, 6) == "000000" ? (DateOnly?)null : Date(number, line, 42, "bank date");
            var account = Digits(number, line, 48, 11, "debit account");
            return new Item2(form, archive.Trim(), bankDate, account.Trim('0').Length == 0 ? null : account, line);
        }

        private void SameTransaction(int number, string line, string type, Item1 first)
        {
            var txNumber = int.Parse(Digits(number, line, 9, 7, "transaction number"), CultureInfo.InvariantCulture);
            if (txNumber != first.Number || type != first.Type)
            {
                throw Fail(number, "transaction number", line.Substring(4, 2) + "/" + line.Substring(8, 7), $"transaction type {first.Type} and number {first.Number}, as in amount item 1 (record {first.Line})");
            }
        }

        private void TransactionType(int number, string line, string type)
        {
            if (!int.TryParse(type, NumberStyles.None, CultureInfo.InvariantCulture, out var t) || t is < 10 or > 21)
            {
                throw Fail(number, "transaction type (positions 5-6)", type, "an OCR giro transaction type 10-21");
            }

            _ = line;
        }

        private void RequireStarted(int number, string line)
        {
            if (!started)
            {
                throw Fail(number, "record type", line[..8], "a start-of-transmission record (NY000010) first");
            }
        }

        private void RequireAssignment(int number, string line)
        {
            RequireStarted(number, line);
            if (!inAssignment)
            {
                throw Fail(number, "record type", line[..8], "a start-of-assignment record (NY090020) before transactions and the assignment's end");
            }
        }

        private void CheckCount(int number, string line, int position, string field, long counted)
        {
            var stated = long.Parse(Digits(number, line, position, 8, field), CultureInfo.InvariantCulture);
            if (stated != counted)
            {
                throw Fail(number, field, stated.ToString(CultureInfo.InvariantCulture), $"{counted}, as counted in the file; the totals do not add up");
            }
        }

        private void CheckAmount(int number, string line, int position, string field, long counted)
        {
            var stated = long.Parse(Digits(number, line, position, 17, field), CultureInfo.InvariantCulture);
            if (stated != counted)
            {
                throw Fail(number, field, (stated / 100m).ToString("0.00", CultureInfo.InvariantCulture), $"{counted / 100m:0.00} (the sum of the amount items); the totals do not add up");
            }
        }

        private DateOnly Date(int number, string line, int position, string field)
        {
            var text = Digits(number, line, position, 6, field);
            var day = int.Parse(text[..2], CultureInfo.InvariantCulture);
            var month = int.Parse(text[2..4], CultureInfo.InvariantCulture);
            var year = int.Parse(text[4..6], CultureInfo.InvariantCulture);
            year += year >= 80 ? 1900 : 2000;
            if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                throw Fail(number, field, text, "a date DDMMYY");
            }

            return new DateOnly(year, month, day);
        }

        /// <summary>The field at 1-based <paramref name="position"/>, which must be digits.</summary>
        private string Digits(int number, string line, int position, int length, string field)
        {
            var value = line.Substring(position - 1, length);
            foreach (var c in value)
            {
                if (!char.IsAsciiDigit(c))
                {
                    throw Fail(number, $"{field} (positions {position}-{position + length - 1})", value, "digits");
                }
            }

            return value;
        }

        private PaymentFileException Fail(int number, string? field, string? value, string expected) => new(file, number, field, value, expected);

        private static string Shorten(string line) => line.Length <= 40 ? line : line[..37] + "...";
    }

    private sealed record Item1(int Line, string Type, int Number, DateOnly NetsDate, long Ore, string? Kid, string Raw);

    private sealed record Item2(string FormNumber, string ArchiveReference, DateOnly? BankDate, string? DebitAccount, string Raw);
}
