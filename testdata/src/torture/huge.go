package torture

// Huge reports a huge switch.
func Huge(x int) (s string) {
	switch x {
	case 0:
		defer func() { s += "0" }()
		s = "0"
	case 1:
		s = "1"
	case 2:
		s = "2"
	case 3:
		s = "3"
	case 4:
		s = "4"
	case 5:
		s = "5"
	case 6:
		s = "6"
	case 7:
		s = "7"
	case 8:
		s = "8"
	case 9:
		s = "9"
	case 10:
		s = "10"
	case 11:
		s = "11"
	case 12:
		s = "12"
	case 13:
		s = "13"
	case 14:
		s = "14"
	case 15:
		s = "15"
	case 16:
		s = "16"
	case 17:
		s = "17"
	case 18:
		s = "18"
	case 19:
		s = "19"
	case 20:
		s = "20"
	case 21:
		s = "21"
	case 22:
		s = "22"
	case 23:
		s = "23"
	case 24:
		s = "24"
	case 25:
		s = "25"
	case 26:
		s = "26"
	case 27:
		s = "27"
	case 28:
		s = "28"
	case 29:
		s = "29"
	case 30:
		s = "30"
	case 31:
		s = "31"
	case 32:
		s = "32"
	case 33:
		s = "33"
	case 34:
		s = "34"
	case 35:
		s = "35"
	case 36:
		s = "36"
	case 37:
		s = "37"
	case 38:
		s = "38"
	case 39:
		s = "39"
	case 40:
		s = "40"
	case 41:
		s = "41"
	case 42:
		s = "42"
	case 43:
		s = "43"
	case 44:
		s = "44"
	case 45:
		s = "45"
	case 46:
		s = "46"
	case 47:
		s = "47"
	case 48:
		s = "48"
	case 49:
		s = "49"
	case 50:
		defer func() { s += "50" }()
		s = "50"
	case 51:
		s = "51"
	case 52:
		s = "52"
	case 53:
		s = "53"
	case 54:
		s = "54"
	case 55:
		s = "55"
	case 56:
		s = "56"
	case 57:
		s = "57"
	case 58:
		s = "58"
	case 59:
		s = "59"
	case 60:
		s = "60"
	case 61:
		s = "61"
	case 62:
		s = "62"
	case 63:
		s = "63"
	case 64:
		s = "64"
	case 65:
		s = "65"
	case 66:
		s = "66"
	case 67:
		s = "67"
	case 68:
		s = "68"
	case 69:
		s = "69"
	case 70:
		s = "70"
	case 71:
		s = "71"
	case 72:
		s = "72"
	case 73:
		s = "73"
	case 74:
		s = "74"
	case 75:
		s = "75"
	case 76:
		s = "76"
	case 77:
		s = "77"
	case 78:
		s = "78"
	case 79:
		s = "79"
	case 80:
		s = "80"
	case 81:
		s = "81"
	case 82:
		s = "82"
	case 83:
		s = "83"
	case 84:
		s = "84"
	case 85:
		s = "85"
	case 86:
		s = "86"
	case 87:
		s = "87"
	case 88:
		s = "88"
	case 89:
		s = "89"
	case 90:
		s = "90"
	case 91:
		s = "91"
	case 92:
		s = "92"
	case 93:
		s = "93"
	case 94:
		s = "94"
	case 95:
		s = "95"
	case 96:
		s = "96"
	case 97:
		s = "97"
	case 98:
		s = "98"
	case 99:
		s = "99"
	case 100:
		defer func() { s += "100" }()
		s = "100"
	case 101:
		s = "101"
	case 102:
		s = "102"
	case 103:
		s = "103"
	case 104:
		s = "104"
	case 105:
		s = "105"
	case 106:
		s = "106"
	case 107:
		s = "107"
	case 108:
		s = "108"
	case 109:
		s = "109"
	case 110:
		s = "110"
	case 111:
		s = "111"
	case 112:
		s = "112"
	case 113:
		s = "113"
	case 114:
		s = "114"
	case 115:
		s = "115"
	case 116:
		s = "116"
	case 117:
		s = "117"
	case 118:
		s = "118"
	case 119:
		s = "119"
	case 120:
		s = "120"
	case 121:
		s = "121"
	case 122:
		s = "122"
	case 123:
		s = "123"
	case 124:
		s = "124"
	case 125:
		s = "125"
	case 126:
		s = "126"
	case 127:
		s = "127"
	case 128:
		s = "128"
	case 129:
		s = "129"
	case 130:
		s = "130"
	case 131:
		s = "131"
	case 132:
		s = "132"
	case 133:
		s = "133"
	case 134:
		s = "134"
	case 135:
		s = "135"
	case 136:
		s = "136"
	case 137:
		s = "137"
	case 138:
		s = "138"
	case 139:
		s = "139"
	case 140:
		s = "140"
	case 141:
		s = "141"
	case 142:
		s = "142"
	case 143:
		s = "143"
	case 144:
		s = "144"
	case 145:
		s = "145"
	case 146:
		s = "146"
	case 147:
		s = "147"
	case 148:
		s = "148"
	case 149:
		s = "149"
	case 150:
		defer func() { s += "150" }()
		s = "150"
	case 151:
		s = "151"
	case 152:
		s = "152"
	case 153:
		s = "153"
	case 154:
		s = "154"
	case 155:
		s = "155"
	case 156:
		s = "156"
	case 157:
		s = "157"
	case 158:
		s = "158"
	case 159:
		s = "159"
	case 160:
		s = "160"
	case 161:
		s = "161"
	case 162:
		s = "162"
	case 163:
		s = "163"
	case 164:
		s = "164"
	case 165:
		s = "165"
	case 166:
		s = "166"
	case 167:
		s = "167"
	case 168:
		s = "168"
	case 169:
		s = "169"
	case 170:
		s = "170"
	case 171:
		s = "171"
	case 172:
		s = "172"
	case 173:
		s = "173"
	case 174:
		s = "174"
	case 175:
		s = "175"
	case 176:
		s = "176"
	case 177:
		s = "177"
	case 178:
		s = "178"
	case 179:
		s = "179"
	case 180:
		s = "180"
	case 181:
		s = "181"
	case 182:
		s = "182"
	case 183:
		s = "183"
	case 184:
		s = "184"
	case 185:
		s = "185"
	case 186:
		s = "186"
	case 187:
		s = "187"
	case 188:
		s = "188"
	case 189:
		s = "189"
	case 190:
		s = "190"
	case 191:
		s = "191"
	case 192:
		s = "192"
	case 193:
		s = "193"
	case 194:
		s = "194"
	case 195:
		s = "195"
	case 196:
		s = "196"
	case 197:
		s = "197"
	case 198:
		s = "198"
	case 199:
		s = "199"
	case 200:
		defer func() { s += "200" }()
		s = "200"
	case 201:
		s = "201"
	case 202:
		s = "202"
	case 203:
		s = "203"
	case 204:
		s = "204"
	case 205:
		s = "205"
	case 206:
		s = "206"
	case 207:
		s = "207"
	case 208:
		s = "208"
	case 209:
		s = "209"
	case 210:
		s = "210"
	case 211:
		s = "211"
	case 212:
		s = "212"
	case 213:
		s = "213"
	case 214:
		s = "214"
	case 215:
		s = "215"
	case 216:
		s = "216"
	case 217:
		s = "217"
	case 218:
		s = "218"
	case 219:
		s = "219"
	case 220:
		s = "220"
	case 221:
		s = "221"
	case 222:
		s = "222"
	case 223:
		s = "223"
	case 224:
		s = "224"
	case 225:
		s = "225"
	case 226:
		s = "226"
	case 227:
		s = "227"
	case 228:
		s = "228"
	case 229:
		s = "229"
	case 230:
		s = "230"
	case 231:
		s = "231"
	case 232:
		s = "232"
	case 233:
		s = "233"
	case 234:
		s = "234"
	case 235:
		s = "235"
	case 236:
		s = "236"
	case 237:
		s = "237"
	case 238:
		s = "238"
	case 239:
		s = "239"
	case 240:
		s = "240"
	case 241:
		s = "241"
	case 242:
		s = "242"
	case 243:
		s = "243"
	case 244:
		s = "244"
	case 245:
		s = "245"
	case 246:
		s = "246"
	case 247:
		s = "247"
	case 248:
		s = "248"
	case 249:
		s = "249"
	case 250:
		defer func() { s += "250" }()
		s = "250"
	case 251:
		s = "251"
	case 252:
		s = "252"
	case 253:
		s = "253"
	case 254:
		s = "254"
	case 255:
		s = "255"
	case 256:
		s = "256"
	case 257:
		s = "257"
	case 258:
		s = "258"
	case 259:
		s = "259"
	case 260:
		s = "260"
	case 261:
		s = "261"
	case 262:
		s = "262"
	case 263:
		s = "263"
	case 264:
		s = "264"
	case 265:
		s = "265"
	case 266:
		s = "266"
	case 267:
		s = "267"
	case 268:
		s = "268"
	case 269:
		s = "269"
	case 270:
		s = "270"
	case 271:
		s = "271"
	case 272:
		s = "272"
	case 273:
		s = "273"
	case 274:
		s = "274"
	case 275:
		s = "275"
	case 276:
		s = "276"
	case 277:
		s = "277"
	case 278:
		s = "278"
	case 279:
		s = "279"
	case 280:
		s = "280"
	case 281:
		s = "281"
	case 282:
		s = "282"
	case 283:
		s = "283"
	case 284:
		s = "284"
	case 285:
		s = "285"
	case 286:
		s = "286"
	case 287:
		s = "287"
	case 288:
		s = "288"
	case 289:
		s = "289"
	case 290:
		s = "290"
	case 291:
		s = "291"
	case 292:
		s = "292"
	case 293:
		s = "293"
	case 294:
		s = "294"
	case 295:
		s = "295"
	case 296:
		s = "296"
	case 297:
		s = "297"
	case 298:
		s = "298"
	case 299:
		s = "299"
	case 300:
		defer func() { s += "300" }()
		s = "300"
	case 301:
		s = "301"
	case 302:
		s = "302"
	case 303:
		s = "303"
	case 304:
		s = "304"
	case 305:
		s = "305"
	case 306:
		s = "306"
	case 307:
		s = "307"
	case 308:
		s = "308"
	case 309:
		s = "309"
	case 310:
		s = "310"
	case 311:
		s = "311"
	case 312:
		s = "312"
	case 313:
		s = "313"
	case 314:
		s = "314"
	case 315:
		s = "315"
	case 316:
		s = "316"
	case 317:
		s = "317"
	case 318:
		s = "318"
	case 319:
		s = "319"
	case 320:
		s = "320"
	case 321:
		s = "321"
	case 322:
		s = "322"
	case 323:
		s = "323"
	case 324:
		s = "324"
	case 325:
		s = "325"
	case 326:
		s = "326"
	case 327:
		s = "327"
	case 328:
		s = "328"
	case 329:
		s = "329"
	case 330:
		s = "330"
	case 331:
		s = "331"
	case 332:
		s = "332"
	case 333:
		s = "333"
	case 334:
		s = "334"
	case 335:
		s = "335"
	case 336:
		s = "336"
	case 337:
		s = "337"
	case 338:
		s = "338"
	case 339:
		s = "339"
	case 340:
		s = "340"
	case 341:
		s = "341"
	case 342:
		s = "342"
	case 343:
		s = "343"
	case 344:
		s = "344"
	case 345:
		s = "345"
	case 346:
		s = "346"
	case 347:
		s = "347"
	case 348:
		s = "348"
	case 349:
		s = "349"
	case 350:
		defer func() { s += "350" }()
		s = "350"
	case 351:
		s = "351"
	case 352:
		s = "352"
	case 353:
		s = "353"
	case 354:
		s = "354"
	case 355:
		s = "355"
	case 356:
		s = "356"
	case 357:
		s = "357"
	case 358:
		s = "358"
	case 359:
		s = "359"
	case 360:
		s = "360"
	case 361:
		s = "361"
	case 362:
		s = "362"
	case 363:
		s = "363"
	case 364:
		s = "364"
	case 365:
		s = "365"
	case 366:
		s = "366"
	case 367:
		s = "367"
	case 368:
		s = "368"
	case 369:
		s = "369"
	case 370:
		s = "370"
	case 371:
		s = "371"
	case 372:
		s = "372"
	case 373:
		s = "373"
	case 374:
		s = "374"
	case 375:
		s = "375"
	case 376:
		s = "376"
	case 377:
		s = "377"
	case 378:
		s = "378"
	case 379:
		s = "379"
	case 380:
		s = "380"
	case 381:
		s = "381"
	case 382:
		s = "382"
	case 383:
		s = "383"
	case 384:
		s = "384"
	case 385:
		s = "385"
	case 386:
		s = "386"
	case 387:
		s = "387"
	case 388:
		s = "388"
	case 389:
		s = "389"
	case 390:
		s = "390"
	case 391:
		s = "391"
	case 392:
		s = "392"
	case 393:
		s = "393"
	case 394:
		s = "394"
	case 395:
		s = "395"
	case 396:
		s = "396"
	case 397:
		s = "397"
	case 398:
		s = "398"
	case 399:
		s = "399"
	case 400:
		defer func() { s += "400" }()
		s = "400"
	case 401:
		s = "401"
	case 402:
		s = "402"
	case 403:
		s = "403"
	case 404:
		s = "404"
	case 405:
		s = "405"
	case 406:
		s = "406"
	case 407:
		s = "407"
	case 408:
		s = "408"
	case 409:
		s = "409"
	case 410:
		s = "410"
	case 411:
		s = "411"
	case 412:
		s = "412"
	case 413:
		s = "413"
	case 414:
		s = "414"
	case 415:
		s = "415"
	case 416:
		s = "416"
	case 417:
		s = "417"
	case 418:
		s = "418"
	case 419:
		s = "419"
	case 420:
		s = "420"
	case 421:
		s = "421"
	case 422:
		s = "422"
	case 423:
		s = "423"
	case 424:
		s = "424"
	case 425:
		s = "425"
	case 426:
		s = "426"
	case 427:
		s = "427"
	case 428:
		s = "428"
	case 429:
		s = "429"
	case 430:
		s = "430"
	case 431:
		s = "431"
	case 432:
		s = "432"
	case 433:
		s = "433"
	case 434:
		s = "434"
	case 435:
		s = "435"
	case 436:
		s = "436"
	case 437:
		s = "437"
	case 438:
		s = "438"
	case 439:
		s = "439"
	case 440:
		s = "440"
	case 441:
		s = "441"
	case 442:
		s = "442"
	case 443:
		s = "443"
	case 444:
		s = "444"
	case 445:
		s = "445"
	case 446:
		s = "446"
	case 447:
		s = "447"
	case 448:
		s = "448"
	case 449:
		s = "449"
	case 450:
		defer func() { s += "450" }()
		s = "450"
	case 451:
		s = "451"
	case 452:
		s = "452"
	case 453:
		s = "453"
	case 454:
		s = "454"
	case 455:
		s = "455"
	case 456:
		s = "456"
	case 457:
		s = "457"
	case 458:
		s = "458"
	case 459:
		s = "459"
	case 460:
		s = "460"
	case 461:
		s = "461"
	case 462:
		s = "462"
	case 463:
		s = "463"
	case 464:
		s = "464"
	case 465:
		s = "465"
	case 466:
		s = "466"
	case 467:
		s = "467"
	case 468:
		s = "468"
	case 469:
		s = "469"
	case 470:
		s = "470"
	case 471:
		s = "471"
	case 472:
		s = "472"
	case 473:
		s = "473"
	case 474:
		s = "474"
	case 475:
		s = "475"
	case 476:
		s = "476"
	case 477:
		s = "477"
	case 478:
		s = "478"
	case 479:
		s = "479"
	case 480:
		s = "480"
	case 481:
		s = "481"
	case 482:
		s = "482"
	case 483:
		s = "483"
	case 484:
		s = "484"
	case 485:
		s = "485"
	case 486:
		s = "486"
	case 487:
		s = "487"
	case 488:
		s = "488"
	case 489:
		s = "489"
	case 490:
		s = "490"
	case 491:
		s = "491"
	case 492:
		s = "492"
	case 493:
		s = "493"
	case 494:
		s = "494"
	case 495:
		s = "495"
	case 496:
		s = "496"
	case 497:
		s = "497"
	case 498:
		s = "498"
	case 499:
		s = "499"
	case 500:
		defer func() { s += "500" }()
		s = "500"
	case 501:
		s = "501"
	case 502:
		s = "502"
	case 503:
		s = "503"
	case 504:
		s = "504"
	case 505:
		s = "505"
	case 506:
		s = "506"
	case 507:
		s = "507"
	case 508:
		s = "508"
	case 509:
		s = "509"
	case 510:
		s = "510"
	case 511:
		s = "511"
	case 512:
		s = "512"
	case 513:
		s = "513"
	case 514:
		s = "514"
	case 515:
		s = "515"
	case 516:
		s = "516"
	case 517:
		s = "517"
	case 518:
		s = "518"
	case 519:
		s = "519"
	case 520:
		s = "520"
	case 521:
		s = "521"
	case 522:
		s = "522"
	case 523:
		s = "523"
	case 524:
		s = "524"
	case 525:
		s = "525"
	case 526:
		s = "526"
	case 527:
		s = "527"
	case 528:
		s = "528"
	case 529:
		s = "529"
	case 530:
		s = "530"
	case 531:
		s = "531"
	case 532:
		s = "532"
	case 533:
		s = "533"
	case 534:
		s = "534"
	case 535:
		s = "535"
	case 536:
		s = "536"
	case 537:
		s = "537"
	case 538:
		s = "538"
	case 539:
		s = "539"
	case 540:
		s = "540"
	case 541:
		s = "541"
	case 542:
		s = "542"
	case 543:
		s = "543"
	case 544:
		s = "544"
	case 545:
		s = "545"
	case 546:
		s = "546"
	case 547:
		s = "547"
	case 548:
		s = "548"
	case 549:
		s = "549"
	case 550:
		defer func() { s += "550" }()
		s = "550"
	case 551:
		s = "551"
	case 552:
		s = "552"
	case 553:
		s = "553"
	case 554:
		s = "554"
	case 555:
		s = "555"
	case 556:
		s = "556"
	case 557:
		s = "557"
	case 558:
		s = "558"
	case 559:
		s = "559"
	case 560:
		s = "560"
	case 561:
		s = "561"
	case 562:
		s = "562"
	case 563:
		s = "563"
	case 564:
		s = "564"
	case 565:
		s = "565"
	case 566:
		s = "566"
	case 567:
		s = "567"
	case 568:
		s = "568"
	case 569:
		s = "569"
	case 570:
		s = "570"
	case 571:
		s = "571"
	case 572:
		s = "572"
	case 573:
		s = "573"
	case 574:
		s = "574"
	case 575:
		s = "575"
	case 576:
		s = "576"
	case 577:
		s = "577"
	case 578:
		s = "578"
	case 579:
		s = "579"
	case 580:
		s = "580"
	case 581:
		s = "581"
	case 582:
		s = "582"
	case 583:
		s = "583"
	case 584:
		s = "584"
	case 585:
		s = "585"
	case 586:
		s = "586"
	case 587:
		s = "587"
	case 588:
		s = "588"
	case 589:
		s = "589"
	case 590:
		s = "590"
	case 591:
		s = "591"
	case 592:
		s = "592"
	case 593:
		s = "593"
	case 594:
		s = "594"
	case 595:
		s = "595"
	case 596:
		s = "596"
	case 597:
		s = "597"
	case 598:
		s = "598"
	case 599:
		s = "599"
	default:
		panic(x)
	}
	return s
}
