namespace Receivables.Dunning;

public enum CollectionNoticeMode
{
    Send,
    HandOver,
}
