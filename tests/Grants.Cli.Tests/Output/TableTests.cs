using Grants.Cli.Output;

namespace Grants.Cli.Tests.Output;

public sealed class TableTests
{
    [Fact]
    public void GivenRowsAndTotals_WhenWritten_ThenColumnsAlignAndAmountsAlignRight()
    {
        var table = new Table(new Column("BUREAU"), new Column("AVAILABLE", Align.Right), new Column("NOTE"))
            .Add("HP-STC", "1,234.00", "a")
            .Add("HP-IPO", "5.00", "")
            .Totals("TOTAL", "1,239.00", "");

        var lines = table.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(
        [
            "BUREAU  AVAILABLE  NOTE",
            "------  ---------  ----",
            "HP-STC   1,234.00  a",
            "HP-IPO       5.00",
            "------  ---------  ----",
            "TOTAL    1,239.00",
        ], lines);
    }

    [Fact]
    public void GivenChineseText_WhenWritten_ThenEachHanziCountsTwoColumns()
    {
        var table = new Table(new Column("TITLE"), new Column("ID")).Add("区科委", "1").Add("abc", "2");

        var lines = table.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("区科委  1", lines[2]);
        Assert.Equal("abc     2", lines[3]);
    }

    [Fact]
    public void GivenARowWithTheWrongNumberOfCells_WhenAdded_ThenRefused() =>
        Assert.Throws<ArgumentException>(() => new Table(new Column("A"), new Column("B")).Add("only one"));

    [Theory]
    [InlineData("abc", 3)]
    [InlineData("黄浦区", 6)]
    [InlineData("（演示）", 8)]
    [InlineData("HP-2024-3/十八", 14)]
    [InlineData("", 0)]
    public void GivenText_WhenMeasured_ThenWideCharactersCountTwice(string text, int width) =>
        Assert.Equal(width, DisplayWidth.Of(text));
}
