namespace CecPortal.Web.Infrastructure.Web;

/// <summary>Where a page sits in a longer list; what the pager partial needs.</summary>
public record PagePosition(int Number, int Size, int TotalCount)
{
    public int TotalPages => Math.Max(1, (TotalCount + Size - 1) / Size);

    public bool HasPrevious => Number > 1;

    public bool HasNext => Number < TotalPages;
}
