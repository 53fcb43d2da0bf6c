#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz targets: tests/fuzz/corpus/<target>/ (committed).

Small valid inputs of each kind, and small "bomb-shaped" workbooks: most inflate just past one
of XlsxReader's limits (bench/xlsx/make_bombs.py has the full-size ones). Every file stays
under ~10 KB. Deterministic: running it again rewrites the same bytes.
"""
import os
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, 'corpus')


def write(target, name, data):
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    assert len(data) <= 10 * 1024, (target, name, len(data))
    with open(os.path.join(d, name), 'wb') as f:
        f.write(data)


# CSV: separators, quoting, line ends, encodings, and what the reader refuses.
def csv():
    write('csv', 'plain.csv', 'employee_id,metric_date,service_score\nE1,2024-03-01,80\n'
          'E2,2024-03-01,91\n')
    write('csv', 'semicolon.csv', 'employee_id;metric_date;aht_seconds;fcr\r\n'
          'E1;01.03.2024;312;85,5\r\nE2;02.03.2024;298;90,0\r\n')
    write('csv', 'tab.tsv', 'employee_id\tmetric_date\tservice_score\nE1\t2024-03-01\t80\n')
    write('csv', 'quoted.csv', 'id,name,comment\n1,"Doe, Jane","said ""hi""\nthen left"\n'
          '2, "spaced" ,""\n3,a"b,"x"y\n')
    write('csv', 'crlf_lone_cr.csv', 'a,b\r\n1,2\r3,4\r\n\r\n5,6')
    write('csv', 'bom.csv', b'\xef\xbb\xbfemployee_id,metric_date\nE1,2024-03-01\n')
    write('csv', 'windows1252.csv', b'name;city;score\n\x80uro;K\xf6ln;1\x96\x97\n'
          b'Fran\xe7ois;\x81\x8d\x8f;2\n')
    write('csv', 'utf8_late_bad.csv', 'name\n' + 'Jos\u00e9\n' * 20 + '\xff\n')
    write('csv', 'unterminated.csv', 'a,b\n1,"never closed\n2,3\n')
    write('csv', 'blank_rows.csv', '\n  \n\t\na,b\n,\n , \n1,2\n\n')
    write('csv', 'refused_nul.csv', b'a,b\n1,\x002\n')
    write('csv', 'refused_gzip.csv', b'\x1f\x8b\x08\x00rest')
    write('csv', 'refused_utf16.csv', 'a,b\n1,2\n'.encode('utf-16'))
    write('csv', 'wide.csv', ','.join(f'c{i}' for i in range(200)) + '\n' +
          ';'.join(str(i) for i in range(200)) + '\n')


WORKBOOK = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '{pr}<sheets>{sheets}</sheets></workbook>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships">{rels}</Relationships>')
SHEET = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
         'openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>')
STYLES = ('<styleSheet><numFmts count="2"><numFmt numFmtId="164" formatCode="[m]:ss"/>'
          '<numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm"/></numFmts><cellXfs>'
          '<xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="10"/>'
          '<xf numFmtId="165"/></cellXfs></styleSheet>')
SHARED = ('<sst count="4" uniqueCount="4"><si><t>employee_id</t></si><si><t>metric_date</t></si>'
          '<si><r><t>service</t></r><r><t xml:space="preserve">_score</t></r></si>'
          '<si><t>aht</t><rPh><t>ignored</t></rPh></si></sst>')
ROWS = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
        '<c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="inlineStr">'
        '<is><t>pct</t></is></c><c r="F1" t="str"><v>at</v></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>E1</t></is></c><c r="B2" s="1"><v>45352</v>'
        '</c><c r="C2"><v>80.5</v></c><c r="D2" s="2"><v>0.00361111</v></c><c r="E2" s="3">'
        '<v>0.855</v></c><c r="F2" s="4"><v>45352.5208333</v></c></row>'
        '<row r="4"><c r="A4" t="b"><v>1</v></c><c r="C4" t="e"><v>#N/A</v></c>'
        '<c r="D4" t="s"><v>99</v></c><c r="E4" t="d"><v>2024-03-01</v></c></row>'
        '<row><c><v>1e308</v></c><c s="1"><v>-1</v></c><c s="1"><v>60</v></c></row>')


def book(name, rows=ROWS, shared=SHARED, styles=STYLES, pr='', sheets=None,
         compression=zipfile.ZIP_DEFLATED):
    """A workbook; sheets: [(name, target, xml or None)], by default one sheet named S."""
    if sheets is None:
        sheets = [('S', 'worksheets/sheet1.xml', SHEET.format(rows=rows))]
    path = os.path.join(OUT, 'xlsx', name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with zipfile.ZipFile(path, 'w') as z:
        def put(entry, text):
            info = zipfile.ZipInfo(entry, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = compression
            z.writestr(info, text, compresslevel=9)
        put('xl/workbook.xml', WORKBOOK.format(pr=pr, sheets=''.join(
            f'<sheet name="{n}" sheetId="{i + 1}" r:id="rId{i + 1}"/>'
            for i, (n, _, _) in enumerate(sheets))))
        put('xl/_rels/workbook.xml.rels', RELS.format(rels=''.join(
            f'<Relationship Id="rId{i + 1}" Target="{t}"/>' for i, (_, t, _) in enumerate(sheets))))
        for _, target, xml in sheets:
            if xml is None:  # named by the workbook, absent from the zip
                continue
            put(target[1:] if target.startswith('/') else 'xl/' + target, xml)
        if shared is not None:
            put('xl/sharedStrings.xml', shared)
        if styles is not None:
            put('xl/styles.xml', styles)
    assert os.path.getsize(path) <= 10 * 1024, (name, os.path.getsize(path))


def xlsx():
    book('normal.xlsx')
    # Stored, not deflated: the fuzzer's byte mutations then reach the XML itself.
    book('normal_stored.xlsx', compression=zipfile.ZIP_STORED)
    book('date1904.xlsx', pr='<workbookPr date1904="1"/>', shared=None, styles=STYLES,
         compression=zipfile.ZIP_STORED)
    book('two_sheets.xlsx', sheets=[
        ('First', 'worksheets/sheet1.xml', SHEET.format(rows='<row r="1"><c><v>1</v></c></row>')),
        ('S', '/xl/worksheets/sheet2.xml', SHEET.format(rows=ROWS))],
        compression=zipfile.ZIP_STORED)
    book('no_sheet.xlsx', sheets=[], shared=None, styles=None, compression=zipfile.ZIP_STORED)
    book('missing_sheet.xlsx', sheets=[('S', 'worksheets/none.xml', None)], shared=None,
         styles=None, compression=zipfile.ZIP_STORED)
    # Bomb-shaped: each inflates just past one limit (XlsxLimits defaults), a few KB zipped.
    book('bomb_long_cell.xlsx', rows='<row r="1"><c t="inlineStr"><is><t>' + 'x' * 32768 +
         '</t></is></c></row>', shared=None, styles=None)
    # Shapes rather than limits where reaching the limit costs a fuzz run too much: 1,048,577
    # blank rows take 3 s under ASan; bomb_columns reaches the row and column limits by number.
    book('bomb_blank_rows.xlsx', rows='<row/>' * 50_000, shared=None, styles=None)
    book('bomb_styles.xlsx', rows='', shared=None,
         styles='<styleSheet><cellXfs>' + '<xf numFmtId="14"/>' * 65_537 +
         '</cellXfs></styleSheet>')
    book('bomb_shared_long.xlsx', rows='<row><c t="s"><v>0</v></c></row>', styles=None,
         shared='<sst><si><t>' + 'y' * 32768 + '</t></si></sst>')
    book('bomb_columns.xlsx', rows='<row r="1"><c r="XFE1"><v>1</v></c></row>'
         '<row r="1048577"><c><v>1</v></c></row>', shared=None, styles=None,
         compression=zipfile.ZIP_STORED)
    book('bomb_wide_row.xlsx', rows='<row r="1">' + '<c><v>12345678</v></c>' * 2_000 +
         '</row>', shared=None, styles=None)


def json_bodies():
    bodies = {
        'note.json': '{"title":"Follow up","tags":["aht","fcr"],"score":80,"private":false,'
                     '"due":"2024-03-01","at":"2026-12-07T09:30:00Z",'
                     '"agent_id":"0b9d6f4e-3c1a-4f7e-9a51-2a7c1f0e8d42","status":"PLANNED"}',
        'fields.json': '{"name":"Jane","email":"jane.doe@example.com","id":"0b9d6f4e-3c1a-4f7e'
                       '-9a51-2a7c1f0e8d42","date":"2024-02-29","at":"2026-12-07T10:30:00+01:00",'
                       '"tags":["a"],"status":"DONE","private":true,"score":-1000,'
                       '"notes":null,"due":null,"link":"https://example.com/a?b=c#d"}',
        'bad_values.json': '{"name":"","email":"not an email","id":"0B9D6F4E-3C1A-4F7E-9A51-'
                           '2A7C1F0E8D4G","date":"2023-02-29","at":"2026-13-07T25:61:00+24:00",'
                           '"tags":[1,"",null],"status":"done","private":"yes","score":1.5,'
                           '"extra":{}}',
        'unicode.json': '{"title":"caf\\u00e9 \\ud83d\\ude00 \\u0000 nul","name":"\\udc00",'
                        '"\\u00e9":"\u00e9\u4e2d"}',
        'numbers.json': '{"score":18446744073709551616,"a":-9223372036854775809,"b":1e400,'
                        '"c":-0.0,"d":123456789012345678901234567890,"e":9223372036854775807}',
        'nested.json': '{"a":' * 40 + '1' + '}' * 40,
        'array.json': '[1,2,{"a":[]}]',
        'empty.json': '{}',
        'duplicate.json': '{"title":"a","title":"b"}',
        'links.json': '{"a":"javascript:alert(1)","b":"http://[::1]:80/x","c":"https://","d":'
                      '"http://ex ample.com","e":"HTTPS://EXAMPLE.COM:65536/%zz"}',
        'comments.json': '{"a":1, /* c */ "b":2}',
        'dates.json': '{"date":"0000-00-00","due":"1899-12-31","at":"2026-12-07T09:30:00.123456Z",'
                      '"x":"2026-12-07t09:30:00z","y":"9999-12-31T23:59:60-23:59"}',
    }
    for name, body in bodies.items():
        write('json', name, body)
    write('json', 'bad_utf8.json', b'{"title":"\xc3\x28"}')


def multipart():
    part = ('--XyZ\r\nContent-Disposition: form-data; name="file"; filename="metrics.csv"\r\n'
            'Content-Type: text/csv\r\n\r\nemployee_id,metric_date\r\nE1,2024-03-01\r\n--XyZ--\r\n')
    write('multipart', 'simple', 'multipart/form-data; boundary=XyZ\n' + part)
    write('multipart', 'quoted_boundary', 'Multipart/Form-Data; charset=utf-8; boundary="XyZ"\n'
          + part)
    write('multipart', 'two_parts', 'multipart/form-data; boundary=----b0und4ry\n'
          '------b0und4ry\r\nContent-Disposition: form-data; name="type"\r\n\r\nMETRICS\r\n'
          '------b0und4ry\r\ncontent-disposition: form-data; name="file"; filename="a\\"b.xlsx"'
          '\r\ncontent-type: application/octet-stream\r\n\r\nPK\x03\x04\r\n------b0und4ry--\r\n')
    write('multipart', 'no_headers', 'multipart/form-data; boundary=XyZ\n--XyZ\r\n\r\nbody\r\n'
          '--XyZ--')
    write('multipart', 'unclosed', 'multipart/form-data; boundary=XyZ\n--XyZ\r\n'
          'Content-Disposition: form-data; name=file\r\n\r\nno end')
    write('multipart', 'not_multipart', 'application/json\n{"a":1}')


def router():
    paths = [
        (0, '/healthz'), (0, '/api/v1/auth/me'), (2, '/api/v1/auth/login'),
        (0, '/api/v1/users/0b9d6f4e-3c1a-4f7e-9a51-2a7c1f0e8d42'),
        (2, '/api/v1/coaching-sessions/123/prep'), (4, '/api/v1/quick-notes/a%20b'),
        (1, '/api/v1/teams/%E2%82%AC/dashboard'), (3, '/api/v1/agents/%zz/overview'),
        (5, '//api//v1/imports/'), (6, '/api/v1/quick-notes/x/address/'),
        (0, '/api/v1/performance-history/export?x=1'), (9, ''),
    ]
    for i, (method, path) in enumerate(paths):
        write('router', f'path{i:02}', bytes([method]) + path.encode())


def main():
    csv()
    xlsx()
    json_bodies()
    multipart()
    router()


if __name__ == '__main__':
    sys.exit(main())
