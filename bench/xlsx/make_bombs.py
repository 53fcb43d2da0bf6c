"""Writes the workbooks bench/xlsx/run reads: an honest one and the bombs of issue 11."""
import sys
import zipfile

WORKBOOK = ('<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/>'
            '</sheets></workbook>')
RELS = ('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/>'
        '</Relationships>')
MB = 1 << 20


def book(path, sheet_parts, shared=None, styles=None):
    """sheet_parts (and shared, styles): (head, repeated chunk, count, tail), streamed."""
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr('xl/workbook.xml', WORKBOOK)
        z.writestr('xl/_rels/workbook.xml.rels', RELS)
        for name, parts in (('xl/worksheets/sheet1.xml', sheet_parts),
                            ('xl/sharedStrings.xml', shared), ('xl/styles.xml', styles)):
            if parts is None:
                continue
            head, chunk, count, tail = parts
            with z.open(name, 'w', force_zip64=True) as out:
                out.write(head.encode())
                if not chunk:
                    out.write(tail.encode())
                    continue
                block = (chunk * max(1, MB // len(chunk))).encode()
                per_block = max(1, MB // len(chunk))
                for _ in range(count // per_block):
                    out.write(block)
                out.write((chunk * (count % per_block)).encode())
                out.write(tail.encode())


def main(d):
    rows = ''.join(
        f'<row r="{i}"><c r="A{i}" t="inlineStr"><is><t>E{i}</t></is></c>'
        f'<c r="B{i}"><v>{45000 + i % 300}</v></c><c r="C{i}"><v>{i % 100}</v></c></row>'
        for i in range(1, 200_001))
    book(f'{d}/honest.xlsx', ('<worksheet><sheetData>', rows, 1, '</sheetData></worksheet>'))
    book(f'{d}/cell_1gb.xlsx', ('<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>',
                                'x', 1 << 30, '</t></is></c></row></sheetData></worksheet>'))
    empty_sheet = ('<worksheet><sheetData>', '', 0, '</sheetData></worksheet>')
    book(f'{d}/shared_strings_1gb.xlsx', empty_sheet,
         shared=('<sst>', '<si><t>a</t></si>', (1 << 30) // 17, '</sst>'))
    book(f'{d}/shared_text_1gb.xlsx', empty_sheet,
         shared=('<sst>', '<si><t>' + 'y' * 200 + '</t></si>', (1 << 30) // 217, '</sst>'))
    book(f'{d}/styles_1gb.xlsx', empty_sheet,
         styles=('<styleSheet><cellXfs>', '<xf numFmtId="0"/>', (1 << 30) // 18,
                 '</cellXfs></styleSheet>'))
    book(f'{d}/blank_rows_1gb.xlsx', ('<worksheet><sheetData>', '<row/>', (1 << 30) // 6,
                                      '</sheetData></worksheet>'))
    book(f'{d}/sheet_2gb.xlsx', ('<worksheet><sheetData>', ' ', 2 << 30,
                                 '</sheetData></worksheet>'))


if __name__ == '__main__':
    main(sys.argv[1])
