#!/usr/bin/env python3
"""Write src/main/resources/account/common-passwords.txt, the passwords that PasswordRules rejects.

The list is built here from patterns, without downloading anything: well-known common passwords,
Vietnamese favourites, each of those with the suffixes people add, keyboard walks, digit runs,
years (1900 to 2035) and dates (ddmmyyyy, 1950 to 2015). Entries are folded the way PasswordRules folds a
password: lower case, no diacritics, and only letters and digits.

Run from the repository root: python3 tools/common-passwords.py
"""
import datetime
import pathlib
import unicodedata

OUTPUT = pathlib.Path("src/main/resources/account/common-passwords.txt")

# Well-known common passwords in any language, written from memory of published rankings.
WELL_KNOWN = """
password passw0rd p@ssword p@ssw0rd password1 password12 password123 password1234 passwort kennwort
123456 1234567 12345678 123456789 1234567890 12345678910 123123 123321 111111 000000 654321 666666
696969 121212 112233 159753 987654321 147258369 qwerty qwerty1 qwerty12 qwerty123 qwertyuiop qwertz
abc123 abcd1234 abcdef abcdefg abcdefgh abcdefghij a1b2c3 a1b2c3d4 aa123456 iloveyou iloveu
iloveyou1 iloveyou2 loveyou lovely loveme love123 admin admin123 administrator root toor guest
welcome welcome1 welcome123 letmein letmein1 monkey dragon master shadow sunshine princess football
baseball soccer hockey batman superman spiderman starwars trustno1 whatever freedom michael jordan
jennifer hunter ranger buster thomas robert charlie daniel jessica ashley bailey harley andrew
matthew joshua pepper ginger cookie chocolate summer winter flower hello hello123 helloworld
secret secret123 login changeme default computer internet samsung google facebook zalo
pokemon naruto minecraft fortnite liverpool chelsea arsenal barcelona realmadrid manchester
anhyeuem
"""

# Likely Vietnamese choices, picked by hand: "mật khẩu" (password), love phrases, places, the party
# and the state, and given and family names without diacritics.
VIETNAMESE = """
matkhau matkhaucuatoi matkhaumoi matkhau1 anhyeuem emyeuanh yeuem yeuanh toiyeuem toiyeuban
anhyeuemnhieu emyeuanhnhieu yeuemnhieu yeuanhnhieu yeuemmaimai yeuanhmaimai maimaiyeuem
anhnhoem emnhoanh nhoem nhoanh thuongem thuonganh vochong chongvo giadinh hanhphuc
vietnam vietnamvodich tieuvietnam hanoi saigon hochiminh tphcm danang haiphong cantho hue
nhatrang dalat vungtau quangninh nghean thanhhoa bacninh dongnai binhduong
dangcongsan dangvien chibo chibothon dangbo bithu chiuy uybannhandan doanthanhnien
cacmang tothequoc baccho bacho hochiminh conghoa xahoichunghia doclap tudo
xinchao chaoban bimat khongbiet khongnho quenmatkhau dangnhap taikhoan
nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly
anh binh chau chi cuong dat diep dung duc duy giang ha hai hanh hieu hoa hoai hong
hung huong huy khanh khoa lam lan linh loan long mai minh my nam nga ngan ngoc nhung
nhi phong phuc phuong quan quang quynh son tam tan thao thang thanh thao thi thu thuy tien
toan trang tri trung tuan tung tuyet uyen van viet vinh vy xuan yen
minhanh ngocanh tuananh thanhhuong thuhuong thuytrang thanhtung vanhung ducanh
nguyenvan nguyenthi tranvan tranthi levan lethi phamvan phamthi hoangvan hoangthi
"""

# Suffixes that people often append to a word to pass a length rule.
SUFFIXES = ["", "1", "12", "123", "1234", "12345", "123456", "1234567", "12345678", "123456789",
            "111", "000", "01", "99", "88", "68", "86", "6868", "8888", "9999", "123123", "321", "abc",
            "2020", "2021", "2022", "2023", "2024", "2025", "2026"]

KEYBOARD_ROWS = ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm", "qwertzuiop", "azertyuiop",
                 "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p", "zaq1xsw2cde3vfr4bgt5nhy6mju7",
                 "1q2w3e4r5t6y7u8i9o0p", "q1w2e3r4t5y6u7i8o9p0", "qazwsxedcrfvtgbyhnujmikolp",
                 "!@#$%^&*()", "1a2s3d4f5g6h7j8k9l", "a1s2d3f4g5h6j7k8l9"]

# Walks that cross rows or come back.
WALKS = ["qwerasdfzxcv", "qweasdzxc", "asdfqwer", "zxcvasdf", "qwertyasdfgh", "asdfghqwerty",
         "1qaz2wsx", "1qazxsw2", "zaq12wsx", "!qaz@wsx", "!qaz2wsx", "qazwsx", "qazwsxedc",
         "1q2w3e", "1q2w3e4r", "1q2w3e4r5t", "q1w2e3r4", "qwe123", "qwe123456", "asd123", "zxc123",
         "147258", "147258369", "147852369", "123654789", "789456123", "741852963", "963852741",
         "159357", "159753", "951753", "753951", "258456", "2580", "14789632", "12369874",
         "qwertyuiopasdfghjklzxcvbnm", "1234qwer", "qwer1234", "1234asdf", "asdf1234",
         "1234abcd", "abcd1234", "12345qwert", "qwert12345", "123qwe", "123asd", "123zxc",
         "qweqwe", "asdasd", "zxczxc", "qweasd", "aaaaaa", "abcabc", "abc123abc"]


def fold(text):
    """Lower case, no diacritics, 'đ' as 'd', and only letters and digits, as PasswordRules folds."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d").replace("Đ", "d"))
    without_marks = "".join(c for c in decomposed if not unicodedata.combining(c))
    return "".join(c for c in without_marks if c.isascii() and c.isalnum())


def substrings(row, shortest):
    for start in range(len(row)):
        for end in range(start + shortest, len(row) + 1):
            yield row[start:end]


def digit_runs():
    digits = "0123456789" * 3
    for start in range(10):
        for length in range(6, 21):
            run = digits[start:start + length]
            yield run
            yield run[::-1]
    for digit in "0123456789":
        for length in range(6, 17):
            yield digit * length
    for pair in ["12", "21", "69", "68", "86", "11", "22", "13", "10", "01", "99", "77"]:
        for repeats in range(3, 9):
            yield pair * repeats
    for triple in ["123", "321", "456", "789", "987", "147", "258", "369", "111", "000", "112"]:
        for repeats in range(2, 6):
            yield triple * repeats
    for start in range(1, 9):
        yield "".join(str(d) * 2 for d in range(start, 10))


def years_and_dates():
    for year in range(1900, 2036):
        yield str(year)
        yield str(year) * 2
    day = datetime.date(1950, 1, 1)
    while day <= datetime.date(2015, 12, 31):
        yield day.strftime("%d%m%Y")
        day += datetime.timedelta(days=1)


def main():
    entries = set()
    words = [fold(word) for word in (WELL_KNOWN + VIETNAMESE).split()]
    for word in words:
        for suffix in SUFFIXES:
            entries.add(word + suffix)
        for year in range(1970, 2027):
            entries.add(word + str(year))
    for row in KEYBOARD_ROWS:
        for part in substrings(row, 6):
            entries.add(part)
            entries.add(part[::-1])
    for walk in WALKS:
        entries.add(walk)
        for suffix in SUFFIXES:
            entries.add(walk + suffix)
    entries.update(digit_runs())
    entries.update(years_and_dates())

    # Symbol-only walks stay as typed, because folding would leave nothing. Everything else is folded.
    folded = {fold(entry) or entry for entry in entries}
    lines = sorted(entry for entry in folded if entry)
    header = ["# Common passwords that PasswordRules rejects, one per line, folded: lower case, no",
              "# diacritics, letters and digits only. Written by tools/common-passwords.py; edit that",
              "# script, not this file."]
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"Wrote {len(lines)} entries to {OUTPUT}")


if __name__ == "__main__":
    main()
