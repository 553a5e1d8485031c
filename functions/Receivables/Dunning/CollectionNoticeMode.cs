using System.Globalization;
using Microsoft.Extensions.Options;

namespace Receivables.Dunning;

public enum CollectionNoticeMode
{
    Send,
    HandOver,
}
